package io.callface.stream.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;

/**
 * A real single-node Kafka cluster (KRaft, combined broker and controller) running inside this JVM.
 *
 * <p>It is callface's embedded default for the {@code demo} command and the broker of the integration tests.
 * {@link #start(Settings)} formats the storage on first use (a random cluster id; a directory formatted before
 * is reused as it is), starts {@link KafkaRaftServer} and returns only once the broker answers an
 * {@link Admin#describeCluster() describeCluster} request. All internal topics have replication factor 1, so
 * transactional producers, {@code read_committed} consumers and {@code exactly_once_v2} work on the one node.
 *
 * <p>The broker owns an {@link #admin() Admin} client; {@link #close()} closes it, shuts the server down, waits
 * for it to stop and deletes the data directory when the broker created it.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final String LOG_SUBDIRECTORY = "kraft-logs";
    private static final Duration ADMIN_CLOSE_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration POLL_PAUSE = Duration.ofMillis(20);

    /**
     * How to run the broker.
     *
     * @param dataDirectory    where the logs and metadata live; {@code null} for a fresh temporary directory that
     *                         {@link #close()} deletes. An existing directory is reused with its topics and data.
     * @param host             the loopback or interface address both listeners bind to and advertise;
     *                         {@code null} means {@value #DEFAULT_HOST}
     * @param brokerPort       the client (PLAINTEXT) port; 0 picks a free one
     * @param controllerPort   the KRaft controller port; 0 picks a free one
     * @param brokerProperties extra broker configs applied over the single-node defaults; {@code null} means none.
     *                         Keys that define the node's identity, listeners or directories are rejected.
     * @param startupTimeout   how long {@link #start(Settings)} waits for the broker to answer;
     *                         {@code null} means {@link #DEFAULT_STARTUP_TIMEOUT}
     */
    public record Settings(Path dataDirectory, String host, int brokerPort, int controllerPort,
                           Map<String, String> brokerProperties, Duration startupTimeout) {

        public static final String DEFAULT_HOST = "127.0.0.1";
        public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(60);

        public Settings {
            host = host == null ? DEFAULT_HOST : host;
            if (host.isBlank()) {
                throw new IllegalArgumentException("host must not be blank");
            }
            requirePort("brokerPort", brokerPort);
            requirePort("controllerPort", controllerPort);
            if (brokerPort != 0 && brokerPort == controllerPort) {
                throw new IllegalArgumentException("brokerPort and controllerPort must differ, both are " + brokerPort);
            }
            brokerProperties = copyProperties(brokerProperties);
            BrokerProperties.requireUnmanaged(brokerProperties);
            startupTimeout = startupTimeout == null ? DEFAULT_STARTUP_TIMEOUT : startupTimeout;
            if (startupTimeout.isNegative() || startupTimeout.isZero()) {
                throw new IllegalArgumentException("startupTimeout must be positive, was " + startupTimeout);
            }
        }

        /** A temporary data directory, {@value #DEFAULT_HOST}, free ports, no extra properties. */
        public static Settings defaults() {
            return new Settings(null, DEFAULT_HOST, 0, 0, Map.of(), DEFAULT_STARTUP_TIMEOUT);
        }

        public Settings withDataDirectory(Path directory) {
            return new Settings(directory, host, brokerPort, controllerPort, brokerProperties, startupTimeout);
        }

        public Settings withHost(String newHost) {
            return new Settings(dataDirectory, newHost, brokerPort, controllerPort, brokerProperties, startupTimeout);
        }

        public Settings withBrokerPort(int port) {
            return new Settings(dataDirectory, host, port, controllerPort, brokerProperties, startupTimeout);
        }

        public Settings withControllerPort(int port) {
            return new Settings(dataDirectory, host, brokerPort, port, brokerProperties, startupTimeout);
        }

        public Settings withBrokerProperties(Map<String, String> properties) {
            return new Settings(dataDirectory, host, brokerPort, controllerPort, properties, startupTimeout);
        }

        public Settings withStartupTimeout(Duration timeout) {
            return new Settings(dataDirectory, host, brokerPort, controllerPort, brokerProperties, timeout);
        }

        private static void requirePort(String field, int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException(field + " must be within 0..65535 (0 = any free port), was " + port);
            }
        }

        private static Map<String, String> copyProperties(Map<String, String> properties) {
            if (properties == null) {
                return Map.of();
            }
            properties.forEach((key, value) -> {
                if (key == null || value == null) {
                    throw new IllegalArgumentException("brokerProperties must not hold nulls, found " + key + "=" + value);
                }
            });
            return Map.copyOf(properties);
        }
    }

    private final KafkaRaftServer server;
    private final Admin admin;
    private final String bootstrapServers;
    private final Path dataDirectory;
    private final boolean ownsDataDirectory;
    private final Duration operationTimeout;
    private boolean closed;

    private EmbeddedKafkaBroker(KafkaRaftServer server, Admin admin, String bootstrapServers,
                                Path dataDirectory, boolean ownsDataDirectory, Duration operationTimeout) {
        this.server = server;
        this.admin = admin;
        this.bootstrapServers = bootstrapServers;
        this.dataDirectory = dataDirectory;
        this.ownsDataDirectory = ownsDataDirectory;
        this.operationTimeout = operationTimeout;
    }

    /**
     * Formats (when needed) and starts the broker, returning once it answers requests.
     *
     * @throws EmbeddedBrokerException when the storage cannot be prepared, the server fails to start or the
     *                                 broker does not answer within {@link Settings#startupTimeout()}
     */
    public static EmbeddedKafkaBroker start(Settings settings) {
        Objects.requireNonNull(settings, "settings");
        long startNanos = System.nanoTime();
        int brokerPort = settings.brokerPort() == 0 ? freePort(settings.host()) : settings.brokerPort();
        int controllerPort = settings.controllerPort() == 0 ? freePort(settings.host()) : settings.controllerPort();
        String bootstrapServers = settings.host() + ":" + brokerPort;
        boolean ownsDataDirectory = settings.dataDirectory() == null;
        Path dataDirectory = ownsDataDirectory ? createTempDirectory() : createDirectories(settings.dataDirectory());

        KafkaRaftServer server = null;
        Admin admin = null;
        try {
            KafkaConfig config = KafkaConfig.fromProps(BrokerProperties.of(
                    settings, brokerPort, controllerPort, dataDirectory.resolve(LOG_SUBDIRECTORY)), false);
            formatStorage(config);
            server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
            admin = Admin.create(adminConfig(bootstrapServers));
            awaitBrokerAnswers(admin, bootstrapServers, settings.startupTimeout());
        } catch (RuntimeException e) {
            closeQuietly(admin, server, dataDirectory, ownsDataDirectory, e);
            throw e instanceof EmbeddedBrokerException ? e
                    : new EmbeddedBrokerException("Embedded Kafka broker failed to start at " + bootstrapServers
                    + " with data directory " + dataDirectory + ": " + e.getMessage(), e);
        }
        LOG.info("Embedded Kafka broker ready at {} (controller port {}, data {}) in {} ms", bootstrapServers,
                controllerPort, dataDirectory, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
        return new EmbeddedKafkaBroker(server, admin, bootstrapServers, dataDirectory, ownsDataDirectory,
                settings.startupTimeout());
    }

    /** The {@code host:port} clients use as {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The directory holding this broker's logs and metadata. */
    public Path dataDirectory() {
        return dataDirectory;
    }

    /** An admin client owned by this broker; do not close it, {@link #close()} does. */
    public Admin admin() {
        return admin;
    }

    /**
     * Creates the topics that do not exist yet (existing ones are left as they are) and returns once the broker
     * serves metadata for every partition of every requested topic.
     *
     * @throws EmbeddedBrokerException when creation fails for another reason or the partitions get no leader in time
     */
    public void createTopics(Collection<NewTopic> topics) {
        Objects.requireNonNull(topics, "topics");
        if (topics.isEmpty()) {
            return;
        }
        requireOpen();
        admin.createTopics(topics).values().forEach((name, future) -> {
            try {
                future.get(operationTimeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new EmbeddedBrokerException("Cannot create topic '" + name + "': " + e.getCause().getMessage(), e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EmbeddedBrokerException("Interrupted while creating topic '" + name + "'", e);
            } catch (TimeoutException e) {
                throw new EmbeddedBrokerException("Topic '" + name + "' not created within " + operationTimeout, e);
            }
        });
        awaitLeaders(topics.stream().map(NewTopic::name).collect(Collectors.toSet()));
    }

    /** Shuts the server down, waits for it to stop and deletes a temporary data directory. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long startNanos = System.nanoTime();
        closeQuietly(admin, server, dataDirectory, ownsDataDirectory, null);
        LOG.info("Embedded Kafka broker at {} stopped in {} ms", bootstrapServers,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
    }

    private synchronized void requireOpen() {
        if (closed) {
            throw new IllegalStateException("Embedded Kafka broker at " + bootstrapServers + " is closed");
        }
    }

    /** Waits until every partition of the topics has a leader, so producers and Kafka Streams find them at once. */
    private void awaitLeaders(Set<String> names) {
        pollUntil("partitions of " + names + " to have a leader", operationTimeout, remainingMillis ->
                admin.describeTopics(names, new DescribeTopicsOptions().timeoutMs(remainingMillis))
                        .allTopicNames().get().values().stream()
                        .flatMap(description -> description.partitions().stream())
                        .allMatch(partition -> partition.leader() != null && !partition.leader().isEmpty()));
    }

    private static void formatStorage(KafkaConfig config) {
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        Formatter formatter = new Formatter()
                .setPrintStream(new PrintStream(report, true, StandardCharsets.UTF_8))
                .setNodeId(config.nodeId())
                .setClusterId(existingClusterId(config).orElseGet(() -> Uuid.randomUuid().toString()))
                .setControllerListenerName(config.controllerListenerNames().get(0))
                .setMetadataLogDirectory(config.metadataLogDir())
                .setDirectories(config.logDirs())
                // Directories formatted by an earlier run keep their cluster id, topics and data.
                .setIgnoreFormatted(true)
                // Static quorum (controller.quorum.voters): nothing about voters goes into the storage.
                .setHasDynamicQuorum(false);
        try {
            formatter.run();
        } catch (Exception e) {
            throw new EmbeddedBrokerException("Cannot format Kafka storage in " + config.logDirs() + ": " + e.getMessage(), e);
        }
        LOG.debug("Kafka storage: {}", report.toString(StandardCharsets.UTF_8).strip());
    }

    /** The cluster id of directories an earlier run formatted; a restart must present the same one. */
    private static Optional<String> existingClusterId(KafkaConfig config) {
        try {
            return new MetaPropertiesEnsemble.Loader()
                    .addLogDirs(config.logDirs())
                    .addMetadataLogDir(config.metadataLogDir())
                    .load()
                    .clusterId();
        } catch (IOException e) {
            throw new EmbeddedBrokerException("Cannot read meta.properties in " + config.logDirs() + ": " + e.getMessage(), e);
        }
    }

    /** Polls describeCluster until this node is listed, i.e. the broker serves client requests. */
    private static void awaitBrokerAnswers(Admin admin, String bootstrapServers, Duration timeout) {
        pollUntil("the broker at " + bootstrapServers + " to answer describeCluster", timeout, remainingMillis ->
                admin.describeCluster(new DescribeClusterOptions().timeoutMs(remainingMillis)).nodes().get()
                        .stream().anyMatch(node -> node.id() == BrokerProperties.NODE_ID));
    }

    /** One attempt at an admin request; given the time left so a single request never outlives the deadline. */
    @FunctionalInterface
    private interface Probe {
        boolean succeeded(int remainingMillis) throws ExecutionException, InterruptedException;
    }

    /**
     * Repeats {@code probe} until it succeeds or {@code timeout} is spent. The admin client retries transient errors
     * itself; the short pause only keeps answers like "unknown topic" from turning the loop into a busy spin.
     */
    private static void pollUntil(String what, Duration timeout, Probe probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception lastFailure = null;
        try {
            while (System.nanoTime() < deadline) {
                try {
                    if (probe.succeeded(remainingMillis(deadline))) {
                        return;
                    }
                } catch (ExecutionException e) {
                    lastFailure = e;
                }
                TimeUnit.MILLISECONDS.sleep(POLL_PAUSE.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedBrokerException("Interrupted while waiting for " + what, e);
        }
        throw new EmbeddedBrokerException("Gave up waiting for " + what + " after " + timeout
                + (lastFailure == null ? "" : "; last error: " + lastFailure.getCause()), lastFailure);
    }

    private static int remainingMillis(long deadlineNanos) {
        long millis = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, millis));
    }

    private static Map<String, Object> adminConfig(String bootstrapServers) {
        return Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "callface-embedded-broker-admin");
    }

    /**
     * Picks a port that is free now. Another process could take it before the broker binds; the controller needs a
     * concrete port up front because a static voter is addressed by host and port.
     */
    private static int freePort(String host) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new EmbeddedBrokerException("Cannot find a free port on host " + host + ": " + e.getMessage(), e);
        }
    }

    private static Path createTempDirectory() {
        try {
            return Files.createTempDirectory("callface-kafka-");
        } catch (IOException e) {
            throw new EmbeddedBrokerException("Cannot create a temporary data directory for the embedded broker: " + e, e);
        }
    }

    private static Path createDirectories(Path directory) {
        try {
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new EmbeddedBrokerException("Cannot use dataDirectory " + directory + ": " + e, e);
        }
    }

    /**
     * Releases whatever exists, in reverse order of creation. Failures are attached to {@code primary} when
     * start-up is being unwound, and logged otherwise, so one failing step never skips the later ones.
     */
    private static void closeQuietly(Admin admin, KafkaRaftServer server, Path dataDirectory,
                                     boolean ownsDataDirectory, Exception primary) {
        List<Runnable> steps = List.of(
                () -> {
                    if (admin != null) {
                        admin.close(ADMIN_CLOSE_TIMEOUT);
                    }
                },
                () -> {
                    if (server != null) {
                        server.shutdown();
                        server.awaitShutdown();
                    }
                },
                () -> {
                    if (ownsDataDirectory) {
                        deleteDirectory(dataDirectory);
                    }
                });
        for (Runnable step : steps) {
            try {
                step.run();
            } catch (RuntimeException e) {
                if (primary != null) {
                    primary.addSuppressed(e);
                } else {
                    LOG.warn("Problem while stopping the embedded Kafka broker", e);
                }
            }
        }
    }

    private static void deleteDirectory(Path directory) {
        try {
            Utils.delete(directory.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the embedded broker's data directory " + directory, e);
        }
    }
}
