package io.callface.trainer.synth;

import io.callface.audio.synth.Accent;
import io.callface.audio.synth.SpeakingStyle;
import java.util.Random;

/**
 * How a synthetic identity speaks, besides its voice: accent and speaking style (see
 * {@link io.callface.audio.synth.SpeechSynthesizer}).
 *
 * <p>Accent is learned, not inherited, so the world ties it to ancestry only through upbringing: a speaker of the
 * european group speaks the reference ("english") accent; a speaker of another group grew up speaking English
 * natively with probability {@value #NATIVE_SHARE} (exposure 1: the reference accent), and otherwise speaks English
 * with the group's language background ({@link #GROUP_ACCENT}), moved towards the reference by a uniform exposure in
 * [0, {@value #MAX_L2_EXPOSURE}]. Every speaker's accent is then {@link Accent#perturbed individualised} with spread
 * {@value #INDIVIDUAL_SPREAD}. The native share is this world's assumption for a mixed caller population, not a
 * census figure.
 *
 * @param accent      the group accent's name ({@link Accent#named})
 * @param exposure    how far the speaker's accent has moved to the reference accent, 0-1
 * @param accentSeed  the seed of the individual perturbation
 * @param style       the speaker's pitch range, articulation, pausing, phrasing and creak
 */
public record SpeechHabits(String accent, double exposure, long accentSeed, SpeakingStyle style) {
    static final double NATIVE_SHARE = 0.3;
    static final double MAX_L2_EXPOSURE = 0.5;
    static final double INDIVIDUAL_SPREAD = 0.15;

    public SpeechHabits {
        Accent.named(accent);
        Ranges.require("exposure", exposure, 0, 1);
        if (style == null) {
            throw new IllegalArgumentException("style: must not be null");
        }
    }

    /** The language background of each group's non-native speakers. */
    static Accent groupAccent(Ancestry ancestry) {
        return switch (ancestry) {
            case EUROPEAN -> Accent.ENGLISH;
            case AFRICAN -> Accent.WEST_AFRICAN;
            case EAST_ASIAN -> Accent.EAST_ASIAN;
            case SOUTH_ASIAN -> Accent.SOUTH_ASIAN;
        };
    }

    /** Draws a speaker of {@code ancestry}; deterministic for the state of {@code random}. */
    static SpeechHabits sample(Ancestry ancestry, Random random) {
        Accent group = groupAccent(ancestry);
        boolean nativeSpeaker = group == Accent.ENGLISH || random.nextDouble() < NATIVE_SHARE;
        double exposure = nativeSpeaker ? 1 : MAX_L2_EXPOSURE * random.nextDouble();
        return new SpeechHabits(group.name(), exposure, random.nextLong(), SpeakingStyle.draw(random.nextLong()));
    }

    /** The speaker's own accent. */
    public Accent speakerAccent() {
        return Accent.named(accent).interpolate(Accent.ENGLISH, exposure).perturbed(accentSeed, INDIVIDUAL_SPREAD);
    }
}
