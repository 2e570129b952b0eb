package io.callface.trainer.synth;

import io.callface.stream.synth.VoiceTraits;

/**
 * Everything about one synthetic person: what the voice carries, what the face shows, and how they relate.
 *
 * <ul>
 *   <li>{@code sex}, {@code ageYears} (18-80) and {@code ancestry} are the latent causes;</li>
 *   <li>{@code voice} (F0, vocal-tract length, jitter, shimmer, rate, breathiness) depends on sex and age;
 *       the vocal-tract length is {@link #vocalTractCm()};</li>
 *   <li>{@code face} shape (aspect, jaw, nose, eye spacing, lips) depends on sex, age and the within-sex
 *       vocal-tract residual (a proxy for body size) plus individual noise, so a voice predicts part of the
 *       face shape, as in real populations, but never all of it;</li>
 *   <li>{@code colours} (skin, hair, eyes) are independent of everything else: a voice cannot reveal them,
 *       and a model that learns them from voice has overfitted.</li>
 * </ul>
 * See {@link Population} for the exact model.
 */
public record IdentityTraits(Sex sex, double ageYears, Ancestry ancestry, VoiceTraits voice, FaceShape face,
                             Pigmentation colours) {
    public static final double MIN_AGE = 18;
    public static final double MAX_AGE = 80;

    public IdentityTraits {
        if (sex == null || ancestry == null) {
            throw new IllegalArgumentException("sex, ancestry: must not be null");
        }
        Ranges.require("ageYears", ageYears, MIN_AGE, MAX_AGE);
        if (voice == null || face == null || colours == null) {
            throw new IllegalArgumentException("voice, face, colours: must not be null");
        }
    }

    /** Vocal-tract length in cm (from the voice). */
    public double vocalTractCm() {
        return voice.vocalTractCm();
    }
}
