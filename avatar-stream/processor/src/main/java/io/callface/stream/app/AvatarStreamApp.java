package io.callface.stream.app;

import io.callface.avro.AudioChunk;
import io.callface.avro.AvatarEvent;
import io.callface.serde.AvroSerde;
import io.callface.serde.SchemaRegistryClient;
import io.callface.stream.avatar.OnnxAvatarGenerator;
import io.callface.stream.config.AvatarStreamConfig;
import io.callface.stream.errors.DeadLetters;
import io.callface.stream.http.OpsServer;
import io.callface.stream.inference.BatchSettings;
import io.callface.stream.inference.FaceModel;
import io.callface.stream.inference.InferenceBatcher;
import io.callface.stream.inference.InferenceOptions;
import io.callface.stream.inference.ModelReleaseFollower;
import io.callface.stream.inference.ModelReleaseLoader;
import io.callface.stream.inference.ProviderPreference;
import io.callface.stream.metrics.MicrometerBatchListener;
import io.callface.stream.metrics.MicrometerWindowEvents;
import io.callface.stream.metrics.ModelInfoMetric;
import io.callface.stream.topology.AvatarTopology;
import io.callface.stream.web.AvatarBroadcaster;
import io.callface.stream.web.AvatarDirectory;
import io.callface.stream.web.WebApi;
import io.callface.stream.window.AudioPathWarmUp;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running avatar-stream instance: the inference batcher and its face model (shared by all stream threads),
 * the Kafka Streams application, the model-release follower and the HTTP server (conferencing view, avatar API,
 * health, metrics). Closing stops the streams first, then the follower and the batcher (which drains and closes
 * the model), so no inference runs on closed sessions.
 */
public final class AvatarStreamApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AvatarStreamApp.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final InferenceBatcher batcher;
    private final ModelReleaseFollower releases;
    private final KafkaStreams streams;
    private final KafkaStreamsMetrics streamsMetrics;
    private final OpsServer opsServer;
    private final AvatarBroadcaster broadcaster;
    private final AvatarDirectory directory;
    private boolean closed;

    private AvatarStreamApp(InferenceBatcher batcher, ModelReleaseFollower releases, KafkaStreams streams,
                            KafkaStreamsMetrics streamsMetrics, OpsServer opsServer, AvatarBroadcaster broadcaster,
                            AvatarDirectory directory) {
        this.batcher = batcher;
        this.releases = releases;
        this.streams = streams;
        this.streamsMetrics = streamsMetrics;
        this.opsServer = opsServer;
        this.broadcaster = broadcaster;
        this.directory = directory;
    }

    /** Takes the first model (models topic or model directory), builds the topology and starts processing. */
    public static AvatarStreamApp start(AvatarStreamConfig config) {
        return start(config, (newState, oldState) -> { });
    }

    /** As {@link #start(AvatarStreamConfig)}, telling {@code listener} of every Kafka Streams state change. */
    public static AvatarStreamApp start(AvatarStreamConfig config, KafkaStreams.StateListener listener) {
        InferenceOptions options = inferenceOptions(config);
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(metrics);
        ModelReleaseFollower releases = config.getBoolean(AvatarStreamConfig.MODEL_RELEASES_FOLLOW_CONFIG)
                ? ModelReleaseFollower.open(config, new ModelReleaseLoader(config.modelCacheDir(), options))
                : null;
        InferenceBatcher batcher;
        try {
            batcher = InferenceBatcher.start(firstModel(config, options, releases), BatchSettings.from(config),
                    new MicrometerBatchListener(metrics));
        } catch (RuntimeException e) {
            if (releases != null) {
                releases.close();
            }
            throw e;
        }
        AvatarBroadcaster broadcaster = null;
        OpsServer opsServer = null;
        try {
            if (releases != null) {
                releases.follow(batcher);
            }
            SchemaRegistryClient registry = config.schemaRegistryClient();
            Topology topology = AvatarTopology.build(config,
                    new OnnxAvatarGenerator(batcher, config.getInt(AvatarStreamConfig.IMAGE_SIZE_CONFIG)),
                    new MicrometerWindowEvents(metrics),
                    new AvroSerde<>(registry, AudioChunk.class), new AvroSerde<>(registry, AvatarEvent.class));
            // The HTTP server starts first: its bound port goes into application.server for interactive queries.
            AtomicReference<KafkaStreams> running = new AtomicReference<>();
            AvatarDirectory directory = new AvatarDirectory();
            broadcaster = new AvatarBroadcaster(avatarConsumer(config, registry), config.avatarsTopic());
            WebApi web = new WebApi(directory, broadcaster);
            ModelInfoMetric modelInfo = new ModelInfoMetric(metrics);
            opsServer = OpsServer.start(config.getString(AvatarStreamConfig.HTTP_HOST_CONFIG),
                    config.getInt(AvatarStreamConfig.HTTP_PORT_CONFIG),
                    () -> running.get() == null ? KafkaStreams.State.CREATED : running.get().state(), () -> true,
                    () -> {
                        modelInfo.show(batcher.modelVersion());
                        return metrics.scrape();
                    },
                    web::configure);
            HostInfo self = ApplicationServer.of(config, opsServer.port());
            Properties streamsProperties = StreamsProperties.from(config, self);
            streamsProperties.put(DeadLetters.METER_REGISTRY_CONFIG, metrics);
            KafkaStreams streams = new KafkaStreams(topology, streamsProperties);
            streams.setStateListener(listener);
            running.set(streams);
            directory.attach(streams, self);

            KafkaStreamsMetrics streamsMetrics = new KafkaStreamsMetrics(streams);
            streamsMetrics.bindTo(metrics);

            AudioPathWarmUp.Result warmUp = AudioPathWarmUp.run(
                    Duration.ofMillis(config.getLong(AvatarStreamConfig.AUDIO_WARMUP_MS_CONFIG)));
            if (warmUp.chunks() > 0) {
                LOG.info("warmed up the audio path in {} ms: {} chunks ({} voiced), {} window spectrograms",
                        warmUp.elapsedMs(), warmUp.chunks(), warmUp.voicedChunks(), warmUp.spectrograms());
            }
            streams.start();
            LOG.info("avatar-stream started: model {}, reading {}, writing {}, web view, API, health and metrics on "
                            + "http://{}:{}/", batcher.modelVersion(), config.audioTopic(), config.avatarsTopic(),
                    self.host(), self.port());
            return new AvatarStreamApp(batcher, releases, streams, streamsMetrics, opsServer, broadcaster, directory);
        } catch (RuntimeException e) {
            if (opsServer != null) {
                opsServer.close();
            }
            if (broadcaster != null) {
                broadcaster.close();
            }
            if (releases != null) {
                releases.close();
            }
            batcher.close();
            throw e;
        }
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    public String modelVersion() {
        return batcher.modelVersion();
    }

    /** Interactive queries of this instance's latest avatars. */
    public AvatarDirectory avatars() {
        return directory;
    }

    /** Port of the HTTP server: web view and API, health and metrics. */
    public int httpPort() {
        return opsServer.port();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        streams.close(CLOSE_TIMEOUT);
        if (releases != null) {
            releases.close();
        }
        batcher.close();
        streamsMetrics.close();
        opsServer.close();
        broadcaster.close();
    }

    /** The live view's consumer: every partition of the avatar topic, committed records only. */
    private static KafkaConsumer<String, AvatarEvent> avatarConsumer(AvatarStreamConfig config, SchemaRegistryClient registry) {
        Map<String, Object> props = new HashMap<>(config.kafkaOverrides());
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", config.getList(AvatarStreamConfig.BOOTSTRAP_SERVERS_CONFIG)));
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, config.getString(AvatarStreamConfig.APPLICATION_ID_CONFIG) + "-web");
        return new KafkaConsumer<>(props, new StringDeserializer(), new AvroSerde<>(registry, AvatarEvent.class).deserializer());
    }

    /**
     * The model to serve first: the newest loadable release on the models topic, else the model directory's.
     *
     * @throws ConfigException when neither gives a model
     */
    private static FaceModel firstModel(AvatarStreamConfig config, InferenceOptions options,
                                        ModelReleaseFollower releases) {
        Optional<FaceModel> fromDirectory = config.modelDir().map(dir -> FaceModel.load(dir, options));
        Optional<FaceModel> fromTopic;
        try {
            fromTopic = releases == null ? Optional.empty()
                    : releases.catchUp(fromDirectory.map(FaceModel::version), config.modelReleasesStartupTimeout());
        } catch (RuntimeException e) {
            fromDirectory.ifPresent(FaceModel::close);
            throw e;
        }
        if (fromTopic.isPresent()) {
            fromDirectory.ifPresent(FaceModel::close);
            return fromTopic.get();
        }
        return fromDirectory.orElseThrow(() -> new ConfigException(AvatarStreamConfig.MODEL_DIR_CONFIG
                + " is empty and " + config.modelsTopic() + " holds no release that loads: publish one "
                + "(trainer publish) or set a model directory"));
    }

    private static InferenceOptions inferenceOptions(AvatarStreamConfig config) {
        return new InferenceOptions(
                ProviderPreference.valueOf(config.getString(AvatarStreamConfig.INFERENCE_PROVIDER_CONFIG)),
                config.getInt(AvatarStreamConfig.INFERENCE_CUDA_DEVICE_CONFIG),
                config.getLong(AvatarStreamConfig.INFERENCE_GPU_MEMORY_LIMIT_CONFIG),
                config.getInt(AvatarStreamConfig.INFERENCE_THREADS_CONFIG));
    }
}
