package io.callface.stream.demo;

import io.callface.avro.AudioChunk;
import io.callface.avro.AvatarEvent;
import io.callface.serde.AvroSerde;
import io.callface.serde.SchemaRegistryClient;
import io.callface.serde.SchemaRegistryClients;
import io.callface.stream.app.AvatarStreamApp;
import io.callface.stream.app.CallfaceTopics;
import io.callface.stream.config.AvatarStreamConfig;
import io.callface.stream.embedded.EmbeddedKafkaBroker;
import io.callface.stream.embedded.EmbeddedSchemaRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The embedded default in one process: a real KRaft Kafka broker, a Confluent-compatible schema registry,
 * callface's topics, the avatar-stream application, and a sink writing avatars to files. Any producer may
 * publish to its audio topic; {@link #feed} adds the demo's synthetic callers.
 */
public final class DemoStack implements AutoCloseable {
    /**
     * @param kafkaPort    broker port (0: any free port)
     * @param registryPort schema registry port (0: any free port)
     * @param httpPort     health and metrics port (0: any free port)
     * @param dataDir      broker and state data (null: a temporary directory)
     * @param modelDir     model directory to serve
     * @param outputDir    where avatars are written
     */
    public record Settings(int kafkaPort, int registryPort, int httpPort, Path dataDir, Path modelDir, Path outputDir) {
    }

    private final EmbeddedKafkaBroker broker;
    private final EmbeddedSchemaRegistry registry;
    private final AvatarStreamConfig config;
    private final AvatarStreamApp app;
    private final AvatarFileSink sink;
    private final AudioFeeder feeder;

    private DemoStack(EmbeddedKafkaBroker broker, EmbeddedSchemaRegistry registry, AvatarStreamConfig config,
                      AvatarStreamApp app, AvatarFileSink sink, AudioFeeder feeder) {
        this.broker = broker;
        this.registry = registry;
        this.config = config;
        this.app = app;
        this.sink = sink;
        this.feeder = feeder;
    }

    public static DemoStack start(Settings settings, PrintStream log) {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(EmbeddedKafkaBroker.Settings.defaults()
                .withBrokerPort(settings.kafkaPort())
                .withDataDirectory(settings.dataDir() == null ? null : settings.dataDir().resolve("kafka")));
        EmbeddedSchemaRegistry registry = null;
        AvatarStreamApp app = null;
        try {
            registry = EmbeddedSchemaRegistry.start("127.0.0.1", settings.registryPort());
            Map<String, Object> values = new HashMap<>();
            values.put(AvatarStreamConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
            values.put(AvatarStreamConfig.SCHEMA_REGISTRY_URL_CONFIG, registry.url());
            values.put(AvatarStreamConfig.MODEL_DIR_CONFIG, settings.modelDir().toString());
            values.put(AvatarStreamConfig.TOPIC_PARTITIONS_CONFIG, 3);
            values.put(AvatarStreamConfig.APPLICATION_ID_CONFIG, "callface-demo");
            values.put(AvatarStreamConfig.HTTP_PORT_CONFIG, settings.httpPort());
            if (settings.dataDir() != null) {
                values.put(AvatarStreamConfig.STATE_DIR_CONFIG, settings.dataDir().resolve("streams").toString());
            }
            AvatarStreamConfig config = new AvatarStreamConfig(values);
            broker.createTopics(CallfaceTopics.of(config, (short) 1));
            app = AvatarStreamApp.start(config);

            SchemaRegistryClient registryClient = SchemaRegistryClients.forUrl(registry.url());
            AvatarFileSink sink = new AvatarFileSink(avatarConsumer(broker.bootstrapServers(), registryClient,
                    "callface-demo-files"), config.avatarsTopic(),
                    settings.outputDir(), png -> log.println("avatar -> " + png));
            AudioFeeder feeder = new AudioFeeder(audioProducer(broker, registryClient), config.audioTopic());
            log.printf("Kafka on %s, schema registry on %s, metrics on http://127.0.0.1:%d/metrics, audio topic %s,"
                            + " avatars written to %s%n", broker.bootstrapServers(), registry.url(), app.httpPort(),
                    config.audioTopic(), settings.outputDir().toAbsolutePath());
            log.printf("Conferencing view: http://127.0.0.1:%d/%n", app.httpPort());
            return new DemoStack(broker, registry, config, app, sink, feeder);
        } catch (RuntimeException e) {
            if (app != null) {
                app.close();
            }
            if (registry != null) {
                registry.close();
            }
            broker.close();
            throw e;
        }
    }

    /** Publishes one round of demo calls; returns once the last chunk was sent. */
    public void feed(int round, double seconds, List<Path> wavFiles, double speed) throws InterruptedException, IOException {
        feed(DemoCallers.round(round, seconds, wavFiles, DemoCallers.SEED), speed);
    }

    /** Publishes {@code callers} side by side; returns once the last chunk was sent. */
    public void feed(List<CallerAudio> callers, double speed) throws InterruptedException {
        try {
            feeder.start(callers, speed).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("publishing demo audio failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    public String registryUrl() {
        return registry.url();
    }

    public AvatarStreamConfig config() {
        return config;
    }

    public AvatarStreamApp app() {
        return app;
    }

    public int avatarsWritten() {
        return sink.written();
    }

    private static KafkaProducer<String, AudioChunk> audioProducer(EmbeddedKafkaBroker broker, SchemaRegistryClient registry) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaProducer<>(props, new StringSerializer(), new AvroSerde<>(registry, AudioChunk.class).serializer());
    }

    /** A consumer of committed avatars from the start of the topic, in consumer group {@code groupId}. */
    KafkaConsumer<String, AvatarEvent> avatarConsumer(String groupId) {
        return avatarConsumer(broker.bootstrapServers(), SchemaRegistryClients.forUrl(registry.url()), groupId);
    }

    private static KafkaConsumer<String, AvatarEvent> avatarConsumer(String bootstrapServers, SchemaRegistryClient registry,
                                                                     String groupId) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(props, new StringDeserializer(), new AvroSerde<>(registry, AvatarEvent.class).deserializer());
    }

    @Override
    public void close() {
        feeder.close();
        sink.close();
        app.close();
        registry.close();
        broker.close();
    }
}
