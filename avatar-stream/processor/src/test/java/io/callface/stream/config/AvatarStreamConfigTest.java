package io.callface.stream.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class AvatarStreamConfigTest {
    private static Map<String, Object> minimal() {
        Map<String, Object> values = new HashMap<>();
        values.put("bootstrap.servers", "localhost:9092");
        values.put("schema.registry.url", "http://localhost:8081");
        values.put("model.dir", "/models/current");
        return values;
    }

    @Test
    void defaultsMatchTheDocumentedContract() {
        AvatarStreamConfig config = new AvatarStreamConfig(minimal());
        assertThat(config.audioTopic()).isEqualTo("callface.audio");
        assertThat(config.avatarsTopic()).isEqualTo("callface.avatars");
        assertThat(config.dlqTopic()).isEqualTo("callface.dlq");
        assertThat(config.modelsTopic()).isEqualTo("callface.models");
        assertThat(config.getString(AvatarStreamConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo("exactly_once_v2");
        assertThat(config.getDouble(AvatarStreamConfig.MIN_VOICED_SECONDS_CONFIG)).isEqualTo(3.0);
        assertThat(config.getDouble(AvatarStreamConfig.WINDOW_HOP_SECONDS_CONFIG)).isEqualTo(6.0);
        assertThat(config.audioKeyedByCall()).isFalse();
        assertThat(config.getLong(AvatarStreamConfig.INFERENCE_BATCH_MAX_WAIT_MS_CONFIG)).isZero();
    }

    @Test
    void withoutAModelDirectoryTheFirstModelComesFromTheModelsTopic() {
        Map<String, Object> values = minimal();
        values.remove("model.dir");
        AvatarStreamConfig config = new AvatarStreamConfig(values);
        assertThat(config.modelDir()).isEmpty();
        assertThat(config.getBoolean(AvatarStreamConfig.MODEL_RELEASES_FOLLOW_CONFIG)).isTrue();
        assertThat(new AvatarStreamConfig(minimal()).modelDir()).isPresent();
    }

    @Test
    void requiredSettingsAndValidatorsGiveClearErrors() {
        Map<String, Object> noModel = minimal();
        noModel.remove("model.dir");
        noModel.put("model.releases.follow", false);
        assertThatThrownBy(() -> new AvatarStreamConfig(noModel)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("model.dir").hasMessageContaining("model.releases.follow");

        Map<String, Object> badGuarantee = minimal();
        badGuarantee.put("processing.guarantee", "exactly_once");
        assertThatThrownBy(() -> new AvatarStreamConfig(badGuarantee)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("processing.guarantee");

        Map<String, Object> noBrokers = minimal();
        noBrokers.put("bootstrap.servers", "");
        assertThatThrownBy(() -> new AvatarStreamConfig(noBrokers)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("bootstrap.servers");
    }

    @Test
    void kafkaPrefixedSettingsArePassedOnWithoutThePrefix() {
        Map<String, Object> values = minimal();
        values.put("kafka.security.protocol", "SASL_SSL");
        values.put("kafka.sasl.jaas.config", "secret");
        assertThat(new AvatarStreamConfig(values).kafkaOverrides())
                .containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.jaas.config", "secret");
    }

    @Test
    void documentationCoversEveryKey() {
        String docs = AvatarStreamConfig.documentation();
        for (String key : AvatarStreamConfig.CONFIG_DEF.names()) {
            assertThat(docs).contains(key);
        }
    }
}
