package io.callface.trainer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.callface.stream.config.AvatarStreamConfig;
import io.callface.stream.config.EnvironmentSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamEnvironmentTest {

    @Test
    void readsTheClusterAndTheKafkaClientSettings() {
        StreamEnvironment env = StreamEnvironment.from(Map.of(
                "CALLFACE_BOOTSTRAP_SERVERS", "broker:9093",
                "CALLFACE_SCHEMA_REGISTRY_URL", "http://registry:8081",
                "CALLFACE_MODELS_TOPIC", "team.models",
                "CALLFACE_KAFKA_SASL_JAAS_CONFIG", "secret",
                "CALLFACE_KAFKA_", "ignored: no setting named",
                "PATH", "/usr/bin"));

        assertThat(env.bootstrapServers()).contains("broker:9093");
        assertThat(env.schemaRegistryUrl()).contains("http://registry:8081");
        assertThat(env.modelsTopic()).contains("team.models");
        assertThat(env.kafkaClientSettings()).containsOnlyKeys("sasl.jaas.config");
        assertThat(env.kafkaClientSettings().getProperty("sasl.jaas.config")).isEqualTo("secret");
    }

    @Test
    void anEmptyEnvironmentLeavesTheCommandsDefaults() {
        StreamEnvironment env = StreamEnvironment.from(Map.of());

        assertThat(env.bootstrapServers()).isEmpty();
        assertThat(env.schemaRegistryUrl()).isEmpty();
        assertThat(env.modelsTopic()).isEmpty();
        assertThat(env.kafkaClientSettings()).isEmpty();
    }

    @Test
    void usesTheStreamProcessorsVariableNames() {
        assertThat(StreamEnvironment.BOOTSTRAP_SERVERS)
                .isEqualTo(EnvironmentSettings.variableFor(AvatarStreamConfig.BOOTSTRAP_SERVERS_CONFIG));
        assertThat(StreamEnvironment.SCHEMA_REGISTRY_URL)
                .isEqualTo(EnvironmentSettings.variableFor(AvatarStreamConfig.SCHEMA_REGISTRY_URL_CONFIG));
        assertThat(StreamEnvironment.MODELS_TOPIC)
                .isEqualTo(EnvironmentSettings.variableFor(AvatarStreamConfig.MODELS_TOPIC_CONFIG));
        assertThat(EnvironmentSettings.keyFor("CALLFACE_KAFKA_SASL_JAAS_CONFIG"))
                .isEqualTo(AvatarStreamConfig.KAFKA_PREFIX + "sasl.jaas.config");
    }
}
