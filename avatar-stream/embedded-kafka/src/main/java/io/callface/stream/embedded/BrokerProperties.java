package io.callface.stream.embedded;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The {@code server.properties} of a single-node KRaft cluster: one process acting as broker and controller,
 * with every internal topic at replication factor 1 so transactions and consumer groups work on one node.
 */
final class BrokerProperties {

    static final int NODE_ID = 1;
    static final String BROKER_LISTENER = "PLAINTEXT";
    static final String CONTROLLER_LISTENER = "CONTROLLER";

    /** Keys this class derives from the settings; overriding them would break the single-node layout. */
    static final Set<String> MANAGED_KEYS = Set.of(
            "process.roles", "node.id", "listeners", "advertised.listeners", "listener.security.protocol.map",
            "controller.listener.names", "inter.broker.listener.name", "controller.quorum.voters",
            "controller.quorum.bootstrap.servers", "log.dirs", "log.dir", "metadata.log.dir");

    private static final int MIB = 1024 * 1024;

    private BrokerProperties() {
    }

    /**
     * @param settings        the caller's settings; their extra properties are applied last
     * @param brokerPort      the resolved (non-zero) client port
     * @param controllerPort  the resolved (non-zero) controller port; a static voter needs a concrete port
     * @param logDirectory    where partitions and the metadata log live
     */
    static Properties of(EmbeddedKafkaBroker.Settings settings, int brokerPort, int controllerPort, Path logDirectory) {
        String host = settings.host();
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", Integer.toString(NODE_ID));
        props.put("controller.quorum.voters", NODE_ID + "@" + host + ":" + controllerPort);
        props.put("listeners", BROKER_LISTENER + "://" + host + ":" + brokerPort + ","
                + CONTROLLER_LISTENER + "://" + host + ":" + controllerPort);
        props.put("advertised.listeners", BROKER_LISTENER + "://" + host + ":" + brokerPort);
        props.put("listener.security.protocol.map", BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("inter.broker.listener.name", BROKER_LISTENER);
        props.put("log.dirs", logDirectory.toAbsolutePath().toString());

        // One node: every internal topic must fit on it, or transactions and groups never become available.
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "5");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "5");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("default.replication.factor", "1");
        props.put("min.insync.replicas", "1");

        // Topics are created on purpose (Admin, Kafka Streams), never by a typo in a producer.
        props.put("auto.create.topics.enable", "false");
        // Nobody else will join: rebalance at once instead of waiting 3 s for more members.
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("group.streams.initial.rebalance.delay.ms", "0");

        // Demo-sized storage and threads: small segments, and a 4 MiB cleaner buffer instead of 128 MiB of heap.
        props.put("log.segment.bytes", Integer.toString(16 * MIB));
        props.put("offsets.topic.segment.bytes", Integer.toString(4 * MIB));
        props.put("transaction.state.log.segment.bytes", Integer.toString(4 * MIB));
        props.put("log.cleaner.dedupe.buffer.size", Integer.toString(4 * MIB));
        props.put("num.network.threads", "2");
        props.put("num.io.threads", "4");
        props.put("background.threads", "4");

        props.putAll(settings.brokerProperties());
        return props;
    }

    static void requireUnmanaged(Map<String, String> brokerProperties) {
        for (String key : brokerProperties.keySet()) {
            if (MANAGED_KEYS.contains(key)) {
                throw new IllegalArgumentException("brokerProperties must not set '" + key
                        + "': the embedded broker derives it from host, ports and data directory");
            }
        }
    }
}
