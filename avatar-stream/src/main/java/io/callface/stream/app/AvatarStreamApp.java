package io.callface.stream.app;

import io.callface.avro.AudioChunk;
import io.callface.avro.AvatarEvent;
import io.callface.serde.AvroSerde;
import io.callface.serde.SchemaRegistryClient;
import io.callface.serde.SchemaRegistryClients;
import io.callface.stream.avatar.OnnxAvatarGenerator;
import io.callface.stream.config.AvatarStreamConfig;
import io.callface.stream.inference.FaceModel;
import io.callface.stream.inference.InferenceOptions;
import io.callface.stream.topology.AvatarTopology;
import java.time.Duration;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running avatar-stream instance: the face model (shared by all stream threads) and the Kafka Streams
 * application. Closing stops the streams first, then the model, so no inference runs on closed sessions.
 */
public final class AvatarStreamApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AvatarStreamApp.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final FaceModel model;
    private final KafkaStreams streams;
    private boolean closed;

    private AvatarStreamApp(FaceModel model, KafkaStreams streams) {
        this.model = model;
        this.streams = streams;
    }

    /** Loads the model, builds the topology and starts processing. */
    public static AvatarStreamApp start(AvatarStreamConfig config) {
        return start(config, (newState, oldState) -> { });
    }

    /** As {@link #start(AvatarStreamConfig)}, telling {@code listener} of every Kafka Streams state change. */
    public static AvatarStreamApp start(AvatarStreamConfig config, KafkaStreams.StateListener listener) {
        FaceModel model = FaceModel.load(config.modelDir(), InferenceOptionsFactory.from(config));
        try {
            SchemaRegistryClient registry = SchemaRegistryClients.forUrl(config.schemaRegistryUrl());
            Topology topology = AvatarTopology.build(config,
                    new OnnxAvatarGenerator(model, config.getInt(AvatarStreamConfig.IMAGE_SIZE_CONFIG)),
                    new AvroSerde<>(registry, AudioChunk.class), new AvroSerde<>(registry, AvatarEvent.class));
            KafkaStreams streams = new KafkaStreams(topology, StreamsProperties.from(config));
            streams.setStateListener(listener);
            streams.start();
            LOG.info("avatar-stream started: model {} ({}), reading {}, writing {}", model.version(),
                    model.manifest().preset(), config.audioTopic(), config.avatarsTopic());
            return new AvatarStreamApp(model, streams);
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

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        streams.close(CLOSE_TIMEOUT);
        model.close();
    }

    /** Maps the inference settings onto ONNX Runtime options. */
    static final class InferenceOptionsFactory {
        private InferenceOptionsFactory() {
        }

        static InferenceOptions from(AvatarStreamConfig config) {
            return new InferenceOptions(
                    InferenceOptions.Provider.valueOf(config.getString(AvatarStreamConfig.INFERENCE_PROVIDER_CONFIG)),
                    config.getInt(AvatarStreamConfig.INFERENCE_CUDA_DEVICE_CONFIG),
                    config.getLong(AvatarStreamConfig.INFERENCE_GPU_MEMORY_LIMIT_CONFIG),
                    config.getInt(AvatarStreamConfig.INFERENCE_THREADS_CONFIG));
        }
    }
}
