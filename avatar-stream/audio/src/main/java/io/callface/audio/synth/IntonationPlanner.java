package io.callface.audio.synth;

import io.callface.audio.synth.Utterance.PitchTarget;
import io.callface.audio.synth.Utterance.Span;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The F0 targets of one intonational phrase, in semitones relative to the speaker's level, after the
 * autosegmental-metrical description of English intonation (Pierrehumbert 1980, PhD thesis, MIT; Ladd 2008,
 * <i>Intonational Phonology</i>, CUP):
 * <ul>
 *   <li><b>Declination</b>: the baseline falls through the phrase at {@code D = 11 / (T + 1.5)} semitones per second
 *       for a phrase of T seconds ('t Hart, Collier &amp; Cohen 1990, <i>A Perceptual Study of Intonation</i>, CUP),
 *       at most {@value #MAX_DECLINATION_ST} st in all.</li>
 *   <li><b>Pitch accents</b>: a stressed syllable of a content word carries a rising-peak accent (H*) with
 *       probability {@link Accent#accentDensity()}, the phrase's last such syllable always (the nuclear accent):
 *       baseline at the vowel's start, a peak of {@link Accent#accentExcursionSt()} times
 *       {@link SpeakingStyle#pitchRange()} (times 0.8-1.2 at random) at 60 % of the vowel. Each further accent
 *       is downstepped to {@value #DOWNSTEP} of the one before (Liberman &amp; Pierrehumbert 1984, in Aronoff &amp;
 *       Oehrle (eds.), <i>Language Sound Structure</i>, MIT Press).</li>
 *   <li><b>Syllable tones</b>: every unaccented syllable rises or falls by {@link Accent#syllableToneSt()} (0 for
 *       English) across its vowel.</li>
 *   <li><b>Boundary tones</b>: {@value #RISE_PROBABILITY} of phrases end in a continuation rise (H%, +3 st times
 *       the pitch range at the end of the last vowel), the others in a final fall (L%, -2.5 st times the pitch
 *       range below the baseline).</li>
 *   <li><b>Creak</b>: a falling phrase ends in creaky voice (vocal fry) from 40 % of its last vowel on with
 *       probability {@link SpeakingStyle#creakiness()} (phrase-final glottalisation: Redi &amp; Shattuck-Hufnagel
 *       2001, J Phonetics 29:407).</li>
 * </ul>
 */
final class IntonationPlanner {
    static final double MAX_DECLINATION_ST = 6;
    static final double DOWNSTEP = 0.85;
    static final double RISE_PROBABILITY = 0.3;
    private static final double START_ST = 2;

    /** A syllable with where its vowel lies, in control steps. */
    record TimedSyllable(Syllable syllable, int vowelStart, int vowelEnd) {
    }

    private IntonationPlanner() {
    }

    /** Appends the targets of the phrase {@code syllables} spanning {@code phrase} to {@code pitch} and its creak. */
    static void phrase(List<TimedSyllable> syllables, Span phrase, Accent accent, SpeakingStyle style,
                       SplittableRandom random, List<PitchTarget> pitch, List<Span> creak) {
        double seconds = (phrase.to() - phrase.from()) / 1000.0;
        double slope = Math.min(11 / (seconds + 1.5), MAX_DECLINATION_ST / seconds) / 1000;
        int nuclear = -1;
        for (int i = 0; i < syllables.size(); i++) {
            Syllable s = syllables.get(i).syllable();
            if (s.stressed() && s.contentWord()) {
                nuclear = i;
            }
        }
        double range = style.pitchRange();
        double excursion = accent.accentExcursionSt() * range;
        pitch.add(new PitchTarget(phrase.from(), START_ST));
        for (int i = 0; i < syllables.size(); i++) {
            TimedSyllable t = syllables.get(i);
            Syllable s = t.syllable();
            int length = t.vowelEnd() - t.vowelStart();
            double base = START_ST - slope * (t.vowelStart() - phrase.from());
            boolean accented = s.stressed() && s.contentWord()
                    && (i == nuclear || random.nextDouble() < accent.accentDensity());
            if (accented) {
                pitch.add(new PitchTarget(t.vowelStart(), base));
                pitch.add(new PitchTarget(t.vowelStart() + (int) (0.6 * length),
                        base + excursion * (0.8 + 0.4 * random.nextDouble())));
                excursion *= DOWNSTEP;
            } else if (i != syllables.size() - 1) {
                double tone = accent.syllableToneSt() * range * (random.nextBoolean() ? 0.5 : -0.5);
                pitch.add(new PitchTarget(t.vowelStart(), base - 0.5 + tone));
                pitch.add(new PitchTarget(t.vowelEnd(), base - 0.5 - tone - slope * length));
            }
            if (i == syllables.size() - 1) {
                double end = START_ST - slope * (t.vowelEnd() - phrase.from());
                if (random.nextDouble() < RISE_PROBABILITY) {
                    pitch.add(new PitchTarget(t.vowelEnd(), end + 3 * range));
                } else {
                    pitch.add(new PitchTarget(t.vowelEnd(), end - 2.5 * range));
                    if (random.nextDouble() < style.creakiness()) {
                        creak.add(new Span(t.vowelStart() + (int) (0.4 * length), phrase.to()));
                    }
                }
            }
        }
    }
}
