package io.callface.trainer.train;

import java.util.Locale;

/** Which objective the voice stage minimises: the paper's three-term loss, or its plain-L1 ablation. */
public enum VoiceLoss {
    /** {@code |f_dec(v_f) - f_dec(v_s)|_1 + l1 * normalised L2 + l2 * distillation} (paper section 4). */
    FULL,
    /** Only {@code |f_dec(v_f) - f_dec(v_s)|_1}: the ablation the paper reports as slow and unstable. */
    L1;

    /** The CLI spelling: {@code full} or {@code l1}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the CLI spelling; throws {@link IllegalArgumentException} naming the bad value. */
    public static VoiceLoss named(String value) {
        for (VoiceLoss loss : values()) {
            if (loss.cliName().equals(value)) {
                return loss;
            }
        }
        throw new IllegalArgumentException("loss: '" + value + "' is not one of full, l1");
    }
}
