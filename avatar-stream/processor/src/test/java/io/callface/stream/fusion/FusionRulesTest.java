package io.callface.stream.fusion;

import static org.assertj.core.api.Assertions.assertThat;

import io.callface.model.fusion.FusionRule;
import io.callface.stream.config.AvatarStreamConfig;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FusionRulesTest {
    @Test
    void theConfigurationPicksTheRule() {
        Map<String, Object> base = Map.of(
                AvatarStreamConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092",
                AvatarStreamConfig.SCHEMA_REGISTRY_URL_CONFIG, "mock://fusion",
                AvatarStreamConfig.MODEL_DIR_CONFIG, "unused");
        assertThat(FusionRules.from(new AvatarStreamConfig(base))).isEqualTo(new FusionRule.Mean());

        Map<String, Object> exponential = new HashMap<>(base);
        exponential.put(AvatarStreamConfig.INFERENCE_FUSION_CONFIG, "exponential");
        exponential.put(AvatarStreamConfig.INFERENCE_FUSION_ALPHA_CONFIG, 0.5);
        assertThat(FusionRules.from(new AvatarStreamConfig(exponential))).isEqualTo(new FusionRule.Exponential(0.5));
    }

}
