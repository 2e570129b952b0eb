package io.callface.stream.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import io.callface.stream.embedded.EmbeddedKafkaBroker.Settings;

class EmbeddedKafkaBrokerSettingsTest {

    @Test
    void defaultsUseLoopbackFreePortsAndATemporaryDirectory() {
        Settings defaults = Settings.defaults();

        assertThat(defaults.dataDirectory()).isNull();
        assertThat(defaults.host()).isEqualTo("127.0.0.1");
        assertThat(defaults.brokerPort()).isZero();
        assertThat(defaults.controllerPort()).isZero();
        assertThat(defaults.brokerProperties()).isEmpty();
        assertThat(defaults.startupTimeout()).isEqualTo(Settings.DEFAULT_STARTUP_TIMEOUT);
    }

    @Test
    void nullsMeanDefaults() {
        Settings settings = new Settings(null, null, 9092, 0, null, null);

        assertThat(settings.host()).isEqualTo(Settings.DEFAULT_HOST);
        assertThat(settings.brokerProperties()).isEmpty();
        assertThat(settings.startupTimeout()).isEqualTo(Settings.DEFAULT_STARTUP_TIMEOUT);
    }

    @Test
    void rejectsPortsOutOfRangeNamingTheField() {
        IllegalArgumentException broker = assertThrows(IllegalArgumentException.class,
                () -> Settings.defaults().withBrokerPort(70_000));
        IllegalArgumentException controller = assertThrows(IllegalArgumentException.class,
                () -> Settings.defaults().withControllerPort(-1));

        assertThat(broker).hasMessageContaining("brokerPort").hasMessageContaining("70000");
        assertThat(controller).hasMessageContaining("controllerPort").hasMessageContaining("-1");
    }

    @Test
    void rejectsTheSameFixedPortForBrokerAndController() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Settings.defaults().withBrokerPort(9092).withControllerPort(9092));

        assertThat(e).hasMessageContaining("9092");
    }

    @Test
    void rejectsBlankHostAndNonPositiveTimeout() {
        assertThrows(IllegalArgumentException.class, () -> Settings.defaults().withHost(" "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Settings.defaults().withStartupTimeout(Duration.ZERO));

        assertThat(e).hasMessageContaining("startupTimeout");
    }

    @Test
    void rejectsPropertiesThatWouldBreakTheSingleNodeLayout() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Settings.defaults().withBrokerProperties(Map.of("node.id", "7")));

        assertThat(e).hasMessageContaining("node.id");
    }

    @Test
    void rejectsNullPropertyValues() {
        Map<String, String> withNull = new HashMap<>();
        withNull.put("log.retention.ms", null);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Settings.defaults().withBrokerProperties(withNull));

        assertThat(e).hasMessageContaining("log.retention.ms");
    }

    @Test
    void brokerPropertiesCopyIsImmutable() {
        Map<String, String> mutable = new HashMap<>(Map.of("log.retention.ms", "60000"));
        Settings settings = Settings.defaults().withBrokerProperties(mutable);
        mutable.put("log.retention.ms", "1");

        assertThat(settings.brokerProperties()).containsEntry("log.retention.ms", "60000");
        assertThrows(UnsupportedOperationException.class, () -> settings.brokerProperties().put("a", "b"));
    }

    @Test
    void serverPropertiesDescribeASingleCombinedNodeAndApplyExtrasLast() {
        Settings settings = Settings.defaults().withBrokerProperties(Map.of("num.io.threads", "2"));

        Properties props = BrokerProperties.of(settings, 19092, 19093, Path.of("/data/kraft-logs"));

        assertThat(props)
                .containsEntry("process.roles", "broker,controller")
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:19093")
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093")
                .containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:19092")
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1")
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("auto.create.topics.enable", "false")
                .containsEntry("group.initial.rebalance.delay.ms", "0")
                .containsEntry("log.dirs", Path.of("/data/kraft-logs").toAbsolutePath().toString())
                .containsEntry("num.io.threads", "2");
    }
}
