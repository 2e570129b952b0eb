package io.callface.stream.app;

import io.callface.avro.AudioChunk;
import io.callface.avro.AvatarEvent;
import io.callface.serde.AvroSerde;
import io.callface.serde.SchemaRegistryClient;
import io.callface.stream.avatar.OnnxAvatarGenerator;
import io.callface.stream.config.AvatarStreamConfig;
import io.callface.stream.http.OpsServer;
import io.callface.stream.inference.BatchSettings;
import io.callface.stream.inference.FaceModel;
import io.callface.stream.inference.InferenceBatcher;
import io.callface.stream.inference.ModelReleaseFollower;
import io.callface.stream.inference.ModelReleaseLoader;
import io.callface.stream.inference.InferenceOptions;
import io.callface.stream.inference.ProviderPreference;
import io.callface.stream.metrics.MicrometerBatchListener;
import io.callface.stream.metrics.ModelInfoMetric;
import io.callface.stream.metrics.MicrometerWindowEvents;
import io.callface.stream.topology.AvatarTopology;
import io.callface.stream.errors.DeadLetters;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running avatar-stream instance: the inference batcher and its face model (shared by all stream threads),
 * the Kafka Streams application and its health/metrics endpoints. Closing stops the streams first, then the
 * batcher (which drains and closes the model), so no inference runs on closed sessions.
 */
public final class AvatarStreamApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AvatarStreamApp.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final InferenceBatcher batcher;
    private final ModelReleaseFollower releases;
    private final KafkaStreams streams;
    private final KafkaStreamsMetrics streamsMetrics;
    private final OpsServer opsServer;
    private boolean closed;

    private AvatarStreamApp(InferenceBatcher batcher, ModelReleaseFollower releases, KafkaStreams streams,
                            KafkaStreamsMetrics streamsMetrics, OpsServer opsServer) {
        this.batcher = batcher;
        this.releases = releases;
        this.streams = streams;
        this.streamsMetrics = streamsMetrics;
        this.opsServer = opsServer;
    }

    /** Loads the model, builds the topology and starts processing. */
    public static AvatarStreamApp start(AvatarStreamConfig config) {
        return start(config, (newState, oldState) -> { });
    }

    /** As {@link #start(AvatarStreamConfig)}, telling {@code listener} of every Kafka Streams state change. */
    public static AvatarStreamApp start(AvatarStreamConfig config, KafkaStreams.StateListener listener) {
        BatchSettings batchSettings = BatchSettings.from(config);
        InferenceOptions options = inferenceOptions(config);
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(metrics);
        InferenceBatcher batcher = InferenceBatcher.start(FaceModel.load(config.modelDir(), options), batchSettings,
                new MicrometerBatchListener(metrics));
        ModelReleaseFollower releases = null;
        try {
            if (config.getBoolean(AvatarStreamConfig.MODEL_RELEASES_FOLLOW_CONFIG)) {
                releases = ModelReleaseFollower.start(config, batcher,
                        new ModelReleaseLoader(config.modelCacheDir(), options));
            }
            SchemaRegistryClient registry = config.schemaRegistryClient();
            Topology topology = AvatarTopology.build(config,
                    new OnnxAvatarGenerator(batcher, config.getInt(AvatarStreamConfig.IMAGE_SIZE_CONFIG)),
                    new MicrometerWindowEvents(metrics),
                    new AvroSerde<>(registry, AudioChunk.class), new AvroSerde<>(registry, AvatarEvent.class));
            Properties streamsProperties = StreamsProperties.from(config);
            streamsProperties.put(DeadLetters.METER_REGISTRY_CONFIG, metrics);
            KafkaStreams streams = new KafkaStreams(topology, streamsProperties);
            streams.setStateListener(listener);

            KafkaStreamsMetrics streamsMetrics = new KafkaStreamsMetrics(streams);
            streamsMetrics.bindTo(metrics);
            ModelInfoMetric modelInfo = new ModelInfoMetric(metrics);
            OpsServer opsServer = OpsServer.start(config.getString(AvatarStreamConfig.HTTP_HOST_CONFIG),
                    config.getInt(AvatarStreamConfig.HTTP_PORT_CONFIG), streams::state, () -> true, () -> {
                        modelInfo.show(batcher.modelVersion());
                        return metrics.scrape();
                    });

            streams.start();
            LOG.info("avatar-stream started: model {}, reading {}, writing {}, health and metrics on port {}",
                    batcher.modelVersion(), config.audioTopic(), config.avatarsTopic(), opsServer.port());
            return new AvatarStreamApp(batcher, releases, streams, streamsMetrics, opsServer);
        } catch (RuntimeException e) {
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

    /** Port of the health and metrics endpoints. */
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
    }

    private static InferenceOptions inferenceOptions(AvatarStreamConfig config) {
        return new InferenceOptions(
                ProviderPreference.valueOf(config.getString(AvatarStreamConfig.INFERENCE_PROVIDER_CONFIG)),
                config.getInt(AvatarStreamConfig.INFERENCE_CUDA_DEVICE_CONFIG),
                config.getLong(AvatarStreamConfig.INFERENCE_GPU_MEMORY_LIMIT_CONFIG),
                config.getInt(AvatarStreamConfig.INFERENCE_THREADS_CONFIG));
    }
}
