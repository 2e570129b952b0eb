package io.callface.audio.synth;

import static io.callface.audio.synth.Accent.requireRange;
import static io.callface.audio.synth.VoiceTraits.clamp;

import java.util.SplittableRandom;

/**
 * An individual's way of talking, independent of voice and accent, for {@link SpeechSynthesizer}. Draw it once per
 * speaker ({@link #draw(long)}) so all of a speaker's clips share it.
 * <ul>
 *   <li>{@code pitchRange}: multiplies pitch-accent excursions, syllable tones and boundary movements (0.3-2).
 *       Speakers of one language differ widely in F0 span (Mennen, Schaeffler &amp; Docherty 2012, JASA 131:2249);
 *       drawn log-normal with log sd 0.3 (our choice).</li>
 *   <li>{@code articulationPrecision}: vowel-space size around schwa, {@code F = F_schwa + p (F_target - F_schwa)}
 *       (0.6-1.3). Talkers differ in vowel-space area, and larger spaces go with higher intelligibility (Bradlow,
 *       Torretta &amp; Pisoni 1996, Speech Communication 20:255); drawn as 1 + 0.08 N(0,1), so the middle 95 % of
 *       speakers' areas (which scale with p squared) span a factor of about 1.9.</li>
 *   <li>{@code pauseScale}: multiplies the median silent pause between phrases (500 ms); pause durations are skewed, roughly log-normal (Campione &amp; Véronis 2002, Proc. Speech Prosody,
 *       199-202), and a speaker's pausing is a habit (0.3-3; drawn log-normal with log sd 0.35, our choice).</li>
 *   <li>{@code phraseSyllables}: mean number of syllables per intonational phrase (3-20; drawn 8 + 2 N(0,1)).</li>
 *   <li>{@code creakiness}: probability that a falling phrase ends in creaky voice (vocal fry) (0-1). Phrase-final
 *       glottalisation is common and varies greatly between speakers (Redi &amp; Shattuck-Hufnagel 2001,
 *       J Phonetics 29:407); drawn uniformly in [0, 0.6].</li>
 * </ul>
 */
public record SpeakingStyle(double pitchRange, double articulationPrecision, double pauseScale, double phraseSyllables,
                            double creakiness) {

    /** The population's typical style, no creak: for tests and demos that want no individual habits. */
    public static final SpeakingStyle NEUTRAL = new SpeakingStyle(1, 1, 1, 8, 0);

    public SpeakingStyle {
        requireRange("pitchRange", pitchRange, 0.3, 2);
        requireRange("articulationPrecision", articulationPrecision, 0.6, 1.3);
        requireRange("pauseScale", pauseScale, 0.3, 3);
        requireRange("phraseSyllables", phraseSyllables, 3, 20);
        requireRange("creakiness", creakiness, 0, 1);
    }

    /** A speaker's style drawn from the distributions above; deterministic for {@code seed}. */
    public static SpeakingStyle draw(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return new SpeakingStyle(
                clamp(Math.exp(0.3 * random.nextGaussian()), 0.3, 2),
                clamp(1 + 0.08 * random.nextGaussian(), 0.6, 1.3),
                clamp(Math.exp(0.35 * random.nextGaussian()), 0.3, 3),
                clamp(8 + 2 * random.nextGaussian(), 3, 20),
                0.6 * random.nextDouble());
    }
}
