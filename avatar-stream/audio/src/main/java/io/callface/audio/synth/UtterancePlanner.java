package io.callface.audio.synth;

import io.callface.audio.synth.IntonationPlanner.TimedSyllable;
import io.callface.audio.synth.Utterance.PitchTarget;
import io.callface.audio.synth.Utterance.Segment;
import io.callface.audio.synth.Utterance.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Plans an utterance: phrases of generated words ({@link PhonotacticGenerator}) separated by pauses, each phone
 * timed and given its formant targets, and the phrase's intonation ({@link IntonationPlanner}).
 *
 * <p><b>Durations</b>: consonants take Klatt's (1979) intrinsic durations, shortened to 75 % inside clusters
 * (Klatt 1979, rule 9); a vowel takes its intrinsic share ({@link Vowel#durationFactor()}) of a mean stressed
 * vowel, times {@link Accent#unstressedDuration()} when unstressed, times {@code exp(s N(0,1))} with
 * {@code s = }{@link Accent#durationVariability()}. The phrase is then scaled so that its mean syllable lasts
 * {@code 1 / }{@link VoiceTraits#speakingRate()}, and its final syllable's vowel and coda are lengthened by
 * {@value #FINAL_LENGTHENING} (phrase-final lengthening, Wightman, Shattuck-Hufnagel, Ostendorf &amp; Price 1992,
 * JASA 91:1707). Phrases have about {@link SpeakingStyle#phraseSyllables()} syllables (log-normal, sd 0.3); the
 * silent pauses between them are log-normal with median {@value #MEDIAN_PAUSE_MS} ms times
 * {@link SpeakingStyle#pauseScale()} and log sd {@value #PAUSE_LOG_SD} (Campione &amp; Véronis 2002), at least
 * {@value #MIN_PAUSE_MS} ms.
 *
 * <p><b>Formants</b>: a vowel's reference target is shifted by the accent ({@link Accent#vowelShifts()}),
 * expanded or shrunk around schwa by {@link SpeakingStyle#articulationPrecision()}, moved toward schwa by
 * {@link Accent#vowelReduction()} when unstressed, and scaled by {@code 17.5 cm / vocal-tract length}.
 * An obstruent's anchor is its place's F2 locus for the adjacent vowel of its syllable ({@link Consonant.Place}),
 * F1 at 250 Hz (the constriction lowers F1; Stevens 1998, <i>Acoustic Phonetics</i>, MIT Press), F3 and F4 the
 * vowel's (a retroflex stop lowers F3 to just above the locus); /h/ takes the vowel's formants; nasals and
 * approximants have their own targets. The accent may realise a consonant as another ({@link Accent#realise}),
 * as its speakers do (/θ/ as [t], /t/ as [ʈ]), before any of this.
 *
 * <p><b>Stops</b>: a voiceless stop in an onset is released with aspiration lasting its voice-onset time (Lisker
 * &amp; Abramson 1964: /p t k/ 58, 70, 80 ms; /b d g/ 1, 5, 21 ms) times {@link Accent#aspiration()}, but short
 * lag (12 ms) after /s/, as in English "spin"; coda stops are released with a burst only. Stressed syllables are
 * 3 dB louder than unstressed ones, phrase-final ones 1.4 dB softer.
 */
final class UtterancePlanner {
    static final double FINAL_LENGTHENING = 1.5;
    static final double MEDIAN_PAUSE_MS = 500;
    static final double PAUSE_LOG_SD = 0.4;
    static final double MIN_PAUSE_MS = 150;
    private static final double MEAN_VOWEL_MS = 130;
    private static final double CLUSTER_SHORTENING = 0.75;
    private static final double OBSTRUENT_F1_HZ = 250;
    private static final double UNSTRESSED_LOUDNESS = 0.7;
    private static final double FINAL_LOUDNESS = 0.85;

    private final VoiceTraits traits;
    private final Accent accent;
    private final SpeakingStyle style;
    private final SplittableRandom random;
    private final PhonotacticGenerator words;
    private final double scale;

    private final List<Segment> segments = new ArrayList<>();
    private final List<PitchTarget> pitch = new ArrayList<>();
    private final List<Span> creak = new ArrayList<>();
    private final List<Span> phrases = new ArrayList<>();

    private UtterancePlanner(VoiceTraits traits, Accent accent, SpeakingStyle style, SplittableRandom random) {
        this.traits = traits;
        this.accent = accent;
        this.style = style;
        this.random = random;
        this.words = new PhonotacticGenerator(accent, random);
        this.scale = ArticulationPlan.REFERENCE_VTL_CM / traits.vocalTractCm();
    }

    /** A plan at least {@code steps} control steps long (its last phrase may run past the end). */
    static Utterance plan(VoiceTraits traits, Accent accent, SpeakingStyle style, int steps, SplittableRandom random) {
        UtterancePlanner planner = new UtterancePlanner(traits, accent, style, random);
        int step = 50 + random.nextInt(200);
        while (step < steps) {
            int syllables = (int) Math.round(Math.max(2, Math.min(30,
                    style.phraseSyllables() * Math.exp(0.3 * random.nextGaussian()))));
            step = planner.phrase(planner.words.phrase(syllables), step);
            double pause = MEDIAN_PAUSE_MS * style.pauseScale() * Math.exp(PAUSE_LOG_SD * random.nextGaussian());
            step += (int) Math.round(Math.max(MIN_PAUSE_MS, pause));
        }
        return new Utterance(planner.segments, planner.pitch, planner.creak, planner.phrases, steps);
    }

    /** Lays out one phrase from {@code start}; returns the step after it. */
    private int phrase(List<Syllable> syllables, int start) {
        List<Draft> drafts = durations(syllables);
        int last = syllables.size() - 1;
        Formants[] onsets = new Formants[syllables.size()];
        Formants[] offsets = new Formants[syllables.size()];
        for (int i = 0; i < syllables.size(); i++) {
            Syllable s = syllables.get(i);
            onsets[i] = vowelTarget(s.vowel(), s.vowel().onset(), s.stressed());
            offsets[i] = vowelTarget(s.vowel(), s.vowel().offset(), s.stressed());
        }

        List<TimedSyllable> timed = new ArrayList<>();
        double clock = start;
        for (int k = 0; k < drafts.size(); k++) {
            Draft d = drafts.get(k);
            int from = (int) Math.round(clock);
            clock += d.ms;
            int length = Math.max(1, (int) Math.round(clock) - from);
            Syllable s = syllables.get(d.syllable);
            double loudness = (s.stressed() ? 1 : UNSTRESSED_LOUDNESS) * (d.syllable == last ? FINAL_LOUDNESS : 1);
            if (d.consonant == null) {
                segments.add(new Segment(null, from, length, s.stressed(), loudness, onsets[d.syllable].scaled(scale),
                        offsets[d.syllable].scaled(scale), 0));
                timed.add(new TimedSyllable(s, from, from + length));
            } else {
                Formants vowel = d.coda ? offsets[d.syllable] : onsets[d.syllable];
                Formants anchor = consonantAnchor(d.consonant, vowel).scaled(scale);
                Draft previous = k > 0 ? drafts.get(k - 1) : null;
                boolean sCluster = !d.coda && previous != null && previous.syllable == d.syllable
                        && previous.consonant == Consonant.S;
                segments.add(new Segment(d.consonant, from, length, s.stressed(), loudness, anchor, anchor,
                        d.coda ? 0 : releaseSteps(d.consonant, sCluster)));
            }
        }
        int end = (int) Math.round(clock);
        Span span = new Span(start, end);
        phrases.add(span);
        IntonationPlanner.phrase(timed, span, accent, style, random, pitch, creak);
        return end;
    }

    /**
     * The phrase's phones with their durations: intrinsic ones, stress and rhythm applied, scaled to the speaking
     * rate, the final rhyme lengthened.
     */
    private List<Draft> durations(List<Syllable> syllables) {
        List<Draft> drafts = new ArrayList<>();
        for (int i = 0; i < syllables.size(); i++) {
            Syllable s = syllables.get(i);
            for (Consonant c : s.onset()) {
                drafts.add(new Draft(c, i, false, consonantMs(c, s.onset().size())));
            }
            double stress = s.stressed() ? 1 : accent.unstressedDuration();
            double jitter = Math.exp(accent.durationVariability() * clamp3(random.nextGaussian()));
            drafts.add(new Draft(null, i, false, MEAN_VOWEL_MS * s.vowel().durationFactor() * stress * jitter));
            for (Consonant c : s.coda()) {
                drafts.add(new Draft(c, i, true, consonantMs(c, s.coda().size())));
            }
        }
        double total = drafts.stream().mapToDouble(Draft::ms).sum();
        double rateScale = syllables.size() * 1000 / traits.speakingRate() / total;
        int last = syllables.size() - 1;
        return drafts.stream().map(d -> {
            boolean finalRhyme = d.syllable == last && (d.consonant == null || d.coda);
            return new Draft(d.consonant, d.syllable, d.coda, d.ms * rateScale * (finalRhyme ? FINAL_LENGTHENING : 1));
        }).toList();
    }

    private static double consonantMs(Consonant c, int clusterSize) {
        return c.durationMs * (clusterSize > 1 ? CLUSTER_SHORTENING : 1);
    }

    /** The vowel's formants in the reference tract after accent, precision and (if unstressed) reduction. */
    private Formants vowelTarget(Vowel vowel, Formants reference, boolean stressed) {
        Formants f = Formants.SCHWA.toward(accent.shift(vowel, reference), style.articulationPrecision());
        return stressed ? f : f.toward(Formants.SCHWA, accent.vowelReduction());
    }

    private static Formants consonantAnchor(Consonant c, Formants vowel) {
        if (c.formants != null) {
            return c.formants;
        }
        if (c.place == Consonant.Place.GLOTTAL) {
            return vowel;
        }
        double f2 = c.place.locusF2(vowel.f2());
        double f3 = c.place == Consonant.Place.RETROFLEX ? f2 + Consonant.RETROFLEX_F3_ABOVE_F2_HZ
                : Math.max(vowel.f3(), f2 + 300);
        return new Formants(OBSTRUENT_F1_HZ, f2, f3, vowel.f4());
    }

    private int releaseSteps(Consonant c, boolean afterS) {
        if (c.manner != Consonant.Manner.PLOSIVE) {
            return 0;
        }
        double lag = switch (c.place) {
            case LABIAL -> c.voiced ? 1 : 58;
            case ALVEOLAR, RETROFLEX -> c.voiced ? 5 : 70;
            default -> c.voiced ? 21 : 80;
        };
        if (!c.voiced) {
            lag = afterS ? 12 : lag * accent.aspiration();
        }
        return Math.max(1, (int) Math.round(lag));
    }

    private static double clamp3(double z) {
        return Math.max(-3, Math.min(3, z));
    }

    /** A phone before timing: its consonant (null for the vowel), syllable index, whether in a coda, length in ms. */
    private record Draft(Consonant consonant, int syllable, boolean coda, double ms) {
    }
}
