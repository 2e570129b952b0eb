package io.callface.stream.fusion;

import io.callface.model.fusion.FusionRule;
import io.callface.stream.config.AvatarStreamConfig;

/** The fusion rule a stream's configuration picks; the rules themselves live in {@code callface-model}. */
public final class FusionRules {
    private FusionRules() {
    }

    /** The configured rule ({@code inference.fusion}, {@code inference.fusion.alpha}). */
    public static FusionRule from(AvatarStreamConfig config) {
        return switch (config.getString(AvatarStreamConfig.INFERENCE_FUSION_CONFIG)) {
            case AvatarStreamConfig.FUSION_MEAN -> new FusionRule.Mean();
            case AvatarStreamConfig.FUSION_EXPONENTIAL ->
                    new FusionRule.Exponential(config.getDouble(AvatarStreamConfig.INFERENCE_FUSION_ALPHA_CONFIG));
            default -> throw new IllegalArgumentException(AvatarStreamConfig.INFERENCE_FUSION_CONFIG + ": '"
                    + config.getString(AvatarStreamConfig.INFERENCE_FUSION_CONFIG) + "' is not a fusion rule");
        };
    }
}
