package io.callface.trainer.synth;

import io.callface.audio.synth.VoiceTraits;

/**
 * Everything about one synthetic person: the latent causes, what the voice carries and what the face shows.
 *
 * <ul>
 *   <li>{@code sex}, {@code ageYears} (18-80), {@code ancestry} and {@code bodySize} (within-sex standard score
 *       of body height) are the latent causes;</li>
 *   <li>{@code voice} (F0, vocal-tract length, jitter, shimmer, rate, breathiness) depends on sex, age and body
 *       size ({@link io.callface.audio.synth.SpeakerVoice}); the vocal-tract length is {@link #vocalTractCm()};</li>
 *   <li>{@code face} and {@code detail} (proportions), {@code hair}, {@code facialHair} and {@code ageing}
 *       depend on sex, age, ancestry and body size plus individual variation, so a voice predicts part of the
 *       face, never all of it;</li>
 *   <li>{@code colours} (natural skin, hair, eye and lip colour) depend on ancestry only; greying is in
 *       {@code ageing};</li>
 *   <li>{@code speech} (accent and speaking style) depends on ancestry through upbringing
 *       ({@link SpeechHabits}).</li>
 * </ul>
 * See {@link Population} for the exact model.
 */
public record IdentityTraits(Sex sex, double ageYears, Ancestry ancestry, double bodySize, VoiceTraits voice,
                             FaceShape face, FaceDetail detail, Pigmentation colours, Hair hair,
                             FacialHair facialHair, Ageing ageing, SpeechHabits speech) {
    public static final double MIN_AGE = 18;
    public static final double MAX_AGE = 80;
    public static final double MAX_BODY_SIZE = 4;

    public IdentityTraits {
        if (sex == null || ancestry == null) {
            throw new IllegalArgumentException("sex, ancestry: must not be null");
        }
        Ranges.require("ageYears", ageYears, MIN_AGE, MAX_AGE);
        Ranges.require("bodySize", bodySize, -MAX_BODY_SIZE, MAX_BODY_SIZE);
        if (voice == null || face == null || detail == null || colours == null || hair == null
                || facialHair == null || ageing == null || speech == null) {
            throw new IllegalArgumentException(
                    "voice, face, detail, colours, hair, facialHair, ageing, speech: must not be null");
        }
        if (sex == Sex.FEMALE && facialHair != FacialHair.NONE) {
            throw new IllegalArgumentException("facialHair: " + facialHair.csvName() + " on a woman; this world gives "
                    + "facial hair to men only");
        }
    }

    /** Vocal-tract length in cm (from the voice). */
    public double vocalTractCm() {
        return voice.vocalTractCm();
    }
}
