package io.callface.stream.app;

import io.callface.avro.AudioChunk;
import io.callface.avro.AvatarEvent;
import io.callface.serde.AvroSerde;
import io.callface.serde.SchemaRegistryClient;
import io.callface.stream.avatar.OnnxAvatarGenerator;
import io.callface.stream.config.AvatarStreamConfig;
import io.callface.stream.http.OpsServer;
import io.callface.stream.inference.FaceModel;
import io.callface.stream.inference.InferenceOptions;
import io.callface.stream.inference.ProviderPreference;
import io.callface.stream.metrics.MicrometerWindowEvents;
import io.callface.stream.topology.AvatarTopology;
import io.callface.stream.errors.DeadLetters;
import io.micrometer.core.instrument.Gauge;
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
 * One running avatar-stream instance: the face model (shared by all stream threads), the Kafka Streams
 * application and its health/metrics endpoints. Closing stops the streams first, then the model, so no
 * inference runs on closed sessions.
 */
public final class AvatarStreamApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AvatarStreamApp.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final FaceModel model;
    private final KafkaStreams streams;
    private final KafkaStreamsMetrics streamsMetrics;
    private final OpsServer opsServer;
    private boolean closed;

    private AvatarStreamApp(FaceModel model, KafkaStreams streams, KafkaStreamsMetrics streamsMetrics, OpsServer opsServer) {
        this.model = model;
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
        FaceModel model = FaceModel.load(config.modelDir(), inferenceOptions(config));
        try {
            SchemaRegistryClient registry = config.schemaRegistryClient();
            PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            new JvmMemoryMetrics().bindTo(metrics);
            Gauge.builder("callface.model.info", () -> 1).tag("version", model.version())
                    .tag("preset", model.manifest().preset()).description("The model serving avatars").register(metrics);
            Topology topology = AvatarTopology.build(config,
                    new OnnxAvatarGenerator(model, config.getInt(AvatarStreamConfig.IMAGE_SIZE_CONFIG)),
                    new MicrometerWindowEvents(metrics),
                    new AvroSerde<>(registry, AudioChunk.class), new AvroSerde<>(registry, AvatarEvent.class));
            Properties streamsProperties = StreamsProperties.from(config);
            streamsProperties.put(DeadLetters.METER_REGISTRY_CONFIG, metrics);
            KafkaStreams streams = new KafkaStreams(topology, streamsProperties);
            streams.setStateListener(listener);

            KafkaStreamsMetrics streamsMetrics = new KafkaStreamsMetrics(streams);
            streamsMetrics.bindTo(metrics);
            OpsServer opsServer = OpsServer.start(config.getString(AvatarStreamConfig.HTTP_HOST_CONFIG),
                    config.getInt(AvatarStreamConfig.HTTP_PORT_CONFIG), streams::state, () -> true, metrics);

            streams.start();
            LOG.info("avatar-stream started: model {} ({}), reading {}, writing {}, health and metrics on port {}",
                    model.version(), model.manifest().preset(), config.audioTopic(), config.avatarsTopic(), opsServer.port());
            return new AvatarStreamApp(model, streams, streamsMetrics, opsServer);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    public String modelVersion() {
        return model.version();
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
        model.close();
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
