package io.callface.stream.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class EnvironmentSettingsTest {

    @Test
    void everyDocumentedKeyRoundTripsThroughItsVariable() {
        for (String key : AvatarStreamConfig.CONFIG_DEF.names()) {
            String variable = EnvironmentSettings.variableFor(key);
            assertThat(variable).startsWith("CALLFACE_").doesNotContain(".");
            assertThat(EnvironmentSettings.keyFor(variable)).isEqualTo(key);
        }
    }

    @Test
    void mapsDocumentedKeysAndKafkaClientSettings() {
        Map<String, String> settings = EnvironmentSettings.from(Map.of(
                "CALLFACE_BOOTSTRAP_SERVERS", "kafka-1:9092,kafka-2:9092",
                "CALLFACE_WINDOW_MIN_SECONDS", "4.5",
                "CALLFACE_KAFKA_SASL_JAAS_CONFIG", "jaas",
                "CALLFACE_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "PATH", "/usr/bin"));

        assertThat(settings).containsExactlyInAnyOrderEntriesOf(Map.of(
                "bootstrap.servers", "kafka-1:9092,kafka-2:9092",
                "window.min.seconds", "4.5",
                "kafka.sasl.jaas.config", "jaas",
                "kafka.security.protocol", "SASL_SSL"));
    }

    @Test
    void environmentOverridesTheFileAndSuppliesRequiredKeys() {
        Properties file = new Properties();
        file.setProperty("bootstrap.servers", "file-broker:9092");
        file.setProperty("audio.topic", "file.audio");

        Properties merged = EnvironmentSettings.overlay(file, Map.of(
                "CALLFACE_BOOTSTRAP_SERVERS", "env-broker:9092",
                "CALLFACE_SCHEMA_REGISTRY_URL", "http://registry:8081",
                "CALLFACE_MODEL_DIR", "/models/current",
                "CALLFACE_KAFKA_SASL_MECHANISM", "PLAIN"));
        AvatarStreamConfig config = new AvatarStreamConfig(merged);

        assertThat(config.getList(AvatarStreamConfig.BOOTSTRAP_SERVERS_CONFIG)).containsExactly("env-broker:9092");
        assertThat(config.audioTopic()).isEqualTo("file.audio");
        assertThat(config.schemaRegistryUrl()).isEqualTo("http://registry:8081");
        assertThat(config.kafkaOverrides()).containsEntry("sasl.mechanism", "PLAIN");
        assertThat(file.getProperty("bootstrap.servers")).isEqualTo("file-broker:9092");
    }

    @Test
    void rejectsAnUnknownVariableWithoutRevealingItsValue() {
        ConfigException error = assertThrows(ConfigException.class,
                () -> EnvironmentSettings.from(Map.of("CALLFACE_BOOTSTRAP_SERVER", "s3cr3t-value")));

        assertThat(error.getMessage()).contains("CALLFACE_BOOTSTRAP_SERVER").doesNotContain("s3cr3t-value");
    }

    @Test
    void rejectsABareKafkaPrefix() {
        ConfigException error = assertThrows(ConfigException.class, () -> EnvironmentSettings.keyFor("CALLFACE_KAFKA_"));

        assertThat(error.getMessage()).contains("CALLFACE_KAFKA_");
    }

    @Test
    void rejectsAVariableWithoutThePrefix() {
        assertThrows(ConfigException.class, () -> EnvironmentSettings.keyFor("BOOTSTRAP_SERVERS"));
    }
}
