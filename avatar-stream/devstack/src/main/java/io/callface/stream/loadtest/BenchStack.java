package io.callface.stream.loadtest;

import io.callface.stream.app.AvatarStreamApp;
import io.callface.stream.app.CallfaceTopics;
import io.callface.stream.config.AvatarStreamConfig;
import io.callface.stream.embedded.EmbeddedKafkaBroker;
import io.callface.stream.embedded.EmbeddedSchemaRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.streams.KafkaStreams;

/**
 * What the load runs measure against: a real in-process KRaft broker and schema registry on free loopback
 * ports, callface's topics, and (unless the run starts its own instances) one avatar-stream application in
 * this process. Every Kafka Streams state the application passes through is kept, so a run can prove it never
 * stopped.
 */
public final class BenchStack implements AutoCloseable {
    /**
     * @param modelDir   the model directory to serve
     * @param dataDir    broker data and stream state
     * @param partitions partitions of the audio and avatar topics
     * @param settings   further callface settings (key to value), applied last
     */
    public record Settings(Path modelDir, Path dataDir, int partitions, Map<String, String> settings) {
        public Settings {
            Objects.requireNonNull(modelDir, "modelDir");
            Objects.requireNonNull(dataDir, "dataDir");
            if (partitions < 1) {
                throw new IllegalArgumentException("partitions: " + partitions + " must be at least 1");
            }
            settings = Map.copyOf(settings);
        }
    }

    /** Broker settings that let a killed instance's transaction and membership expire within seconds. */
    static final Map<String, String> FAST_FAILOVER_BROKER = Map.of(
            "transaction.abort.timed.out.transaction.cleanup.interval.ms", "500",
            "group.min.session.timeout.ms", "1000");

    private final EmbeddedKafkaBroker broker;
    private final EmbeddedSchemaRegistry registry;
    private final AvatarStreamConfig config;
    private final List<KafkaStreams.State> states = Collections.synchronizedList(new ArrayList<>());
    private AvatarStreamApp app;

    private BenchStack(EmbeddedKafkaBroker broker, EmbeddedSchemaRegistry registry, AvatarStreamConfig config) {
        this.broker = broker;
        this.registry = registry;
        this.config = config;
    }

    /** Starts the broker and registry and creates the topics; no application yet. */
    public static BenchStack startInfrastructure(Settings settings) {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(EmbeddedKafkaBroker.Settings.defaults()
                .withDataDirectory(settings.dataDir().resolve("kafka"))
                .withBrokerProperties(FAST_FAILOVER_BROKER));
        try {
            EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start("127.0.0.1", 0);
            Map<String, Object> values = new HashMap<>();
            values.put(AvatarStreamConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
            values.put(AvatarStreamConfig.SCHEMA_REGISTRY_URL_CONFIG, registry.url());
            values.put(AvatarStreamConfig.MODEL_DIR_CONFIG, settings.modelDir().toString());
            values.put(AvatarStreamConfig.APPLICATION_ID_CONFIG, "callface-bench");
            values.put(AvatarStreamConfig.TOPIC_PARTITIONS_CONFIG, settings.partitions());
            values.put(AvatarStreamConfig.HTTP_PORT_CONFIG, 0);
            values.put(AvatarStreamConfig.STATE_DIR_CONFIG, settings.dataDir().resolve("streams").toString());
            values.put(AvatarStreamConfig.MODEL_CACHE_DIR_CONFIG, settings.dataDir().resolve("model-cache").toString());
            values.putAll(settings.settings());
            AvatarStreamConfig config = new AvatarStreamConfig(values);
            broker.createTopics(CallfaceTopics.of(config, (short) 1));
            return new BenchStack(broker, registry, config);
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
    }

    /** Starts the broker, the registry and one application in this process. */
    public static BenchStack start(Settings settings) {
        BenchStack stack = startInfrastructure(settings);
        try {
            stack.app = AvatarStreamApp.start(stack.config, (now, before) -> stack.states.add(now));
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    public AvatarStreamConfig config() {
        return config;
    }

    public LoadClients clients() {
        return new LoadClients(config);
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    public String registryUrl() {
        return registry.url();
    }

    /** The in-process application. */
    public AvatarStreamApp app() {
        if (app == null) {
            throw new IllegalStateException("this stack runs no in-process application");
        }
        return app;
    }

    /** Every state the in-process application entered, in order. */
    public List<KafkaStreams.State> states() {
        synchronized (states) {
            return List.copyOf(states);
        }
    }

    /** Whether the in-process application is running and never entered ERROR or shut down. */
    public boolean neverStopped() {
        return app().state() == KafkaStreams.State.RUNNING && states().stream().noneMatch(s ->
                s == KafkaStreams.State.ERROR || s == KafkaStreams.State.PENDING_SHUTDOWN || s == KafkaStreams.State.NOT_RUNNING
                        || s == KafkaStreams.State.PENDING_ERROR);
    }

    @Override
    public void close() {
        if (app != null) {
            app.close();
        }
        registry.close();
        broker.close();
    }
}
