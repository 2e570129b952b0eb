package io.callface.audio.synth;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * How a language or accent group shapes speech in {@link SpeechSynthesizer}: vowel qualities, rhythm and
 * intonation. Accent is learned, not inherited; the groups below stand for language backgrounds, and a caller's
 * accent should be drawn per speaker (see {@link #interpolate} and {@link #perturbed}), not fixed per population.
 *
 * <p>Fields and what they do:
 * <ul>
 *   <li>{@code vowelShifts}: per-vowel multiplicative shifts of F1, F2, F3 relative to the American English
 *       reference table ({@link Vowel}); vowels not listed are unchanged.</li>
 *   <li>{@code vowelReduction} (0-1): how far unstressed vowels move toward schwa,
 *       {@code F = F_target + r (F_schwa - F_target)} (Lindblom 1963, JASA 35:1773, vowel undershoot).</li>
 *   <li>{@code unstressedDuration} (0.3-1): unstressed over stressed vowel duration. With
 *       {@code durationVariability} (sd of log duration) it sets the vocalic normalised pairwise variability index
 *       {@code nPVI = 100/(m-1) sum |d_k - d_k+1| / ((d_k + d_k+1)/2)} (Grabe &amp; Low 2002, <i>Papers in
 *       Laboratory Phonology 7</i>, 515-546: British English 57.2, German 59.7, Dutch 65.5 (stress-timed);
 *       Singapore English 52.3, Tamil 55.8, French 43.5, Japanese 40.9, Yoruba 32.7, Spanish 29.7, Mandarin 27.0).
 *       English unstressed vowels are about half as long as stressed ones (Klatt 1976, JASA 59:1208).</li>
 *   <li>{@code complexSyllables} (0-1): probability of consonant clusters and codas. Simpler syllables raise the
 *       vocalic share %V and lower the consonantal sd deltaC (Ramus, Nespor &amp; Mehler 1999, Cognition 73:265:
 *       English %V 40.1, deltaC 53.5 ms; Spanish 43.8, 47.4 ms; Japanese 53.1, 35.6 ms).</li>
 *   <li>{@code accentExcursionSt}: height of a pitch accent (H*) above the declining baseline, in semitones.</li>
 *   <li>{@code accentDensity} (0-1): share of stressed syllables of content words that carry a pitch accent.</li>
 *   <li>{@code syllableToneSt}: size of a rising or falling pitch movement on every syllable, in semitones, as
 *       speakers of tone languages carry over into English (Juffs 1990, IRAL 28:99).</li>
 *   <li>{@code aspiration}: voice-onset time of voiceless stops relative to English long lag (/p t k/ 58, 70,
 *       80 ms; Lisker &amp; Abramson 1964, Word 20:384).</li>
 *   <li>{@code substitutions}: consonants the accent realises as others, each with a probability per occurrence
 *       ({@link #realise}): the segmental side of an accent (th-stopping, retroflex stops, /v/ as [w]), which
 *       listeners use beside vowels and prosody to place a speaker's language background. The probabilities say
 *       how consistently speakers of the variety do it; the studies below describe the features as general or
 *       frequent in the variety without one rate, so the numbers are our readings of those words (0.8-0.9 "general",
 *       0.5-0.7 "frequent", split between variants where two are reported).</li>
 * </ul>
 *
 * <p>The named accents. Varieties of English spoken by L2 speakers or in post-colonial settings are less
 * stress-timed than British English (Low, Grabe &amp; Nolan 2000, Language and Speech 43:377, Singapore English;
 * Udofot 2003, English World-Wide 24:201 and Gut 2005, English World-Wide 26:153, Nigerian English; Fuchs 2016,
 * <i>Speech Rhythm in Varieties of English</i>, Springer, Indian English), but far less so than their speakers' first
 * languages (Grabe &amp; Low: Yoruba 32.7, Mandarin 27.0). Our rhythm settings are choices inside that range; the
 * values their plans measure ({@code AccentTest}, 60 six-second plans each) are given per accent. Vowel mergers are
 * realised as partial moves toward the merger partner (60-70 % of the Hz distance, our choice: the studies report
 * merged or near-merged categories with much variation between speakers).
 * <ul>
 *   <li>{@link #ENGLISH} ("english", stress-timed): the reference. No vowel shifts, strong reduction (0.7),
 *       unstressed vowels under half as long (0.47), frequent clusters, 4 st accents on 60 % of content-word
 *       stresses, long-lag VOT. Plans: nPVI-V 56.1 (British English 57.2), %V 40.5 (English 40.1), deltaC 48.8 ms
 *       (English 53.5).</li>
 *   <li>{@link #WEST_AFRICAN} ("west-african", Nigerian English-like, syllable-timed): nearly full vowels in
 *       unstressed syllables (reduction 0.1) and little duration contrast (Udofot 2003; Gut 2005); the mergers
 *       /ɪ/-/i/ and /ʊ/-/u/, /ʌ/ toward [ɔ], /ɝ/ toward [ɛ] without r-colouring (Wells 1982, <i>Accents of English
 *       3</i>, CUP; Gut 2008, in Mesthrie (ed.), <i>Varieties of English 4</i>, Mouton); most content words accented
 *       and a 1 st movement on every syllable (tone-language first languages: Yoruba, Igbo, Hausa), VOT 70 % of
 *       English; /θ ð/ as stops [t d] (th-stopping, general: Jowitt 1991, <i>Nigerian English Usage</i>, Longman;
 *       Gut 2008), p = 0.9. Plans: nPVI-V 38.9, %V 51.3, deltaC 44.3 ms.</li>
 *   <li>{@link #EAST_ASIAN} ("east-asian", Mandarin-influenced English): wider F0 range (Keating &amp; Kuo 2012,
 *       JASA 132:1050: Mandarin speakers' F0 range is larger, in Mandarin and in English) through 5.5 st accents on
 *       most stresses and a 2 st movement on every syllable (Juffs 1990), little reduction and simple syllables
 *       (Mandarin codas are only /n ŋ/), mergers /ɪ/-/i/, /ʊ/-/u/ and /æ/ toward /ɛ/ (Deterding 2003, English
 *       World-Wide 24:1, Singapore English; Wang &amp; van Heuven 2006, Linguistics in the Netherlands 23:237,
 *       Chinese learners); voiceless stops stay long-lag, as Mandarin's aspirated stops are; /θ/ as [s] (0.5) or
 *       [f] (0.2), /ð/ as [d] (0.6), /v/ as [w] (0.5), all frequent in speakers from China (Deterding 2006, English
 *       World-Wide 27:175). Plans: nPVI-V 42.2,
 *       %V 51.3, deltaC 44.8 ms; F0 span (10th-90th percentile) 7.0 st against English's 5.7.</li>
 *   <li>{@link #SOUTH_ASIAN} ("south-asian", Indian English-like): less reduction and less duration contrast than
 *       British English (Fuchs 2016; Sirsa &amp; Redford 2013, J Phonetics 41:393), voiceless stops unaspirated or
 *       weakly aspirated (VOT 40 % of English; Wells 1982; Awan &amp; Stine 2011, Clin Linguist Phon 25:998),
 *       /æ/ raised toward /ɛ/, /ɔ/ toward /o/, weak r-colouring of /ɝ/ (Wells 1982), 4.5 st accents (rising accents
 *       on stressed syllables: Wiltshire &amp; Harnsberger 2006, World Englishes 25:91); /t d/ retroflex [ʈ ɖ]
 *       (general, p = 0.9), /θ ð/ as dental stops, here [t d] (0.8), and /v/ merged with /w/, here [w] (0.7)
 *       (Wells 1982; Sailaja 2009, <i>Indian English</i>, Edinburgh UP). Plans: nPVI-V 50.3,
 *       %V 46.4, deltaC 47.6 ms.</li>
 * </ul>
 *
 * @param name identifies the accent in logs and corpus metadata
 */
public record Accent(String name, List<VowelShift> vowelShifts, double vowelReduction, double unstressedDuration,
                     double durationVariability, double complexSyllables, double accentExcursionSt,
                     double accentDensity, double syllableToneSt, double aspiration,
                     List<Substitution> substitutions) {

    /** Multiplies the vowel's reference F1, F2 and F3 (each in [0.5, 2]). */
    public record VowelShift(Vowel vowel, double f1Factor, double f2Factor, double f3Factor) {
        public VowelShift {
            if (vowel == null) {
                throw new IllegalArgumentException("vowel: must not be null");
            }
            requireRange("f1Factor", f1Factor, 0.5, 2);
            requireRange("f2Factor", f2Factor, 0.5, 2);
            requireRange("f3Factor", f3Factor, 0.5, 2);
        }
    }

    /** Realises {@code from} as {@code to} with {@code probability} per occurrence (in [0, 1]). */
    public record Substitution(Consonant from, Consonant to, double probability) {
        public Substitution {
            if (from == null || to == null || from == to) {
                throw new IllegalArgumentException("substitution: needs two different consonants, got " + from
                        + " -> " + to);
            }
            requireRange("probability", probability, 0, 1);
        }
    }

    public static final Accent ENGLISH = new Accent("english", List.of(), 0.7, 0.47, 0.2, 0.65, 4, 0.6, 0, 1,
            List.of());

    public static final Accent WEST_AFRICAN = new Accent("west-african", List.of(
            // /ɪ/ 70 % of the way to /i/ (427, 2034 -> 342, 2322), /ʊ/ to /u/, /ʌ/ to [ɔ], /ɝ/ to [ɛ].
            new VowelShift(Vowel.IH, 0.86, 1.10, 1.08),
            new VowelShift(Vowel.UH, 0.86, 0.92, 1.0),
            new VowelShift(Vowel.AH, 1.03, 0.87, 1.0),
            new VowelShift(Vowel.ER, 1.15, 1.20, 1.45)),
            0.1, 0.7, 0.22, 0.3, 3.5, 0.9, 1, 0.7, List.of(
            new Substitution(Consonant.TH, Consonant.T, 0.9),
            new Substitution(Consonant.DH, Consonant.D, 0.9)));

    public static final Accent EAST_ASIAN = new Accent("east-asian", List.of(
            // /ɪ/ 60 % of the way to /i/, /ʊ/ to /u/, /æ/ toward /ɛ/ (1952 -> 1799 Hz F2).
            new VowelShift(Vowel.IH, 0.88, 1.085, 1.06),
            new VowelShift(Vowel.UH, 0.88, 0.93, 1.0),
            new VowelShift(Vowel.AE, 1.0, 0.93, 1.0)),
            0.25, 0.62, 0.22, 0.2, 5.5, 0.9, 2, 1.1, List.of(
            new Substitution(Consonant.TH, Consonant.S, 0.5),
            new Substitution(Consonant.TH, Consonant.F, 0.2),
            new Substitution(Consonant.DH, Consonant.D, 0.6),
            new Substitution(Consonant.V, Consonant.W, 0.5)));

    public static final Accent SOUTH_ASIAN = new Accent("south-asian", List.of(
            new VowelShift(Vowel.AE, 0.93, 0.95, 1.0),
            new VowelShift(Vowel.AO, 0.86, 0.95, 1.0),
            new VowelShift(Vowel.ER, 1.05, 1.05, 1.25)),
            0.35, 0.58, 0.25, 0.45, 4.5, 0.8, 0.5, 0.4, List.of(
            new Substitution(Consonant.T, Consonant.RETROFLEX_T, 0.9),
            new Substitution(Consonant.D, Consonant.RETROFLEX_D, 0.9),
            new Substitution(Consonant.TH, Consonant.T, 0.8),
            new Substitution(Consonant.DH, Consonant.D, 0.8),
            new Substitution(Consonant.V, Consonant.W, 0.7)));

    /** The named accents, in a fixed order. */
    public static final List<Accent> NAMED = List.of(ENGLISH, WEST_AFRICAN, EAST_ASIAN, SOUTH_ASIAN);

    public Accent {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name: must not be blank");
        }
        if (vowelShifts == null) {
            throw new IllegalArgumentException("vowelShifts: must not be null");
        }
        vowelShifts = List.copyOf(vowelShifts);
        if (vowelShifts.stream().map(VowelShift::vowel).distinct().count() != vowelShifts.size()) {
            throw new IllegalArgumentException("vowelShifts: a vowel is listed twice");
        }
        requireRange("vowelReduction", vowelReduction, 0, 1);
        requireRange("unstressedDuration", unstressedDuration, 0.3, 1);
        requireRange("durationVariability", durationVariability, 0, 0.5);
        requireRange("complexSyllables", complexSyllables, 0, 1);
        requireRange("accentExcursionSt", accentExcursionSt, 0, 12);
        requireRange("accentDensity", accentDensity, 0, 1);
        requireRange("syllableToneSt", syllableToneSt, 0, 6);
        requireRange("aspiration", aspiration, 0.1, 2);
        if (substitutions == null) {
            throw new IllegalArgumentException("substitutions: must not be null");
        }
        substitutions = List.copyOf(substitutions);
        Map<Consonant, Double> total = new EnumMap<>(Consonant.class);
        for (Substitution sub : substitutions) {
            if (total.merge(sub.from, sub.probability, Double::sum) > 1 + 1e-9) {
                throw new IllegalArgumentException("substitutions: the probabilities for " + sub.from
                        + " add up to more than 1");
            }
        }
    }

    /** The named accent called {@code name} (e.g. "english"); throws naming the known ones otherwise. */
    public static Accent named(String name) {
        for (Accent accent : NAMED) {
            if (accent.name.equals(name)) {
                return accent;
            }
        }
        throw new IllegalArgumentException("accent: '" + name + "' is not one of "
                + NAMED.stream().map(Accent::name).toList());
    }

    /**
     * The accent {@code t} of the way from this one to {@code other} (0 gives this one, 1 the other): numbers
     * linearly, vowel-shift factors geometrically (a vowel missing from one side counts as unshifted), each side's
     * substitution probabilities weighted by its share (a speaker half-way to English stops /θ/ half as often). For
     * speakers between two backgrounds, or partly adapted to another accent.
     */
    public Accent interpolate(Accent other, double t) {
        if (other == null) {
            throw new IllegalArgumentException("other: must not be null");
        }
        requireRange("t", t, 0, 1);
        Map<Vowel, VowelShift> from = byVowel(vowelShifts);
        Map<Vowel, VowelShift> to = byVowel(other.vowelShifts);
        List<VowelShift> shifts = new ArrayList<>();
        for (Vowel vowel : Vowel.values()) {
            if (from.containsKey(vowel) || to.containsKey(vowel)) {
                VowelShift a = from.getOrDefault(vowel, new VowelShift(vowel, 1, 1, 1));
                VowelShift b = to.getOrDefault(vowel, new VowelShift(vowel, 1, 1, 1));
                shifts.add(new VowelShift(vowel, geometric(a.f1Factor, b.f1Factor, t),
                        geometric(a.f2Factor, b.f2Factor, t), geometric(a.f3Factor, b.f3Factor, t)));
            }
        }
        String mixed = t == 0 ? name : t == 1 ? other.name : name + "~" + other.name + "@" + Math.round(100 * t) / 100.0;
        return new Accent(mixed, shifts,
                linear(vowelReduction, other.vowelReduction, t),
                linear(unstressedDuration, other.unstressedDuration, t),
                linear(durationVariability, other.durationVariability, t),
                linear(complexSyllables, other.complexSyllables, t),
                linear(accentExcursionSt, other.accentExcursionSt, t),
                linear(accentDensity, other.accentDensity, t),
                linear(syllableToneSt, other.syllableToneSt, t),
                linear(aspiration, other.aspiration, t),
                mixedSubstitutions(other, t));
    }

    /**
     * An individual speaker's version of this accent: each number and each vowel-shift factor's deviation from 1
     * is multiplied by a log-normal factor with sd {@code amount} (in [0, 0.5]; 0.15 gives speakers of one accent a
     * plausible spread), clamped into the valid ranges; so is each substitution probability, scaled back where a
     * consonant's probabilities would add up to more than 1. Deterministic for {@code seed}.
     */
    public Accent perturbed(long seed, double amount) {
        requireRange("amount", amount, 0, 0.5);
        SplittableRandom random = new SplittableRandom(seed);
        List<VowelShift> shifts = vowelShifts.stream().map(s -> new VowelShift(s.vowel,
                perturbedShift(s.f1Factor, random, amount),
                perturbedShift(s.f2Factor, random, amount),
                perturbedShift(s.f3Factor, random, amount))).toList();
        return new Accent(name, shifts,
                Math.min(1, vowelReduction * factor(random, amount)),
                VoiceTraits.clamp(unstressedDuration * factor(random, amount), 0.3, 1),
                Math.min(0.5, durationVariability * factor(random, amount)),
                Math.min(1, complexSyllables * factor(random, amount)),
                Math.min(12, accentExcursionSt * factor(random, amount)),
                Math.min(1, accentDensity * factor(random, amount)),
                Math.min(6, syllableToneSt * factor(random, amount)),
                VoiceTraits.clamp(aspiration * factor(random, amount), 0.1, 2),
                perturbedSubstitutions(random, amount));
    }

    /**
     * The consonant a speaker of this accent says for {@code consonant}: a substitute with its probability, else
     * {@code consonant} itself. Draws one number from {@code random} only when the accent substitutes
     * {@code consonant}, so accents without substitutions leave the random stream as it was.
     */
    Consonant realise(Consonant consonant, SplittableRandom random) {
        double u = Double.NaN;
        for (Substitution sub : substitutions) {
            if (sub.from != consonant || sub.probability == 0) {
                continue;
            }
            if (Double.isNaN(u)) {
                u = random.nextDouble();
            }
            u -= sub.probability;
            if (u < 0) {
                return sub.to;
            }
        }
        return consonant;
    }

    private List<Substitution> mixedSubstitutions(Accent other, double t) {
        Map<List<Consonant>, Double> mixed = new LinkedHashMap<>();
        substitutions.forEach(sub -> mixed.merge(List.of(sub.from, sub.to), (1 - t) * sub.probability, Double::sum));
        other.substitutions.forEach(sub -> mixed.merge(List.of(sub.from, sub.to), t * sub.probability, Double::sum));
        List<Substitution> out = new ArrayList<>();
        mixed.forEach((rule, p) -> {
            if (p > 0) {
                out.add(new Substitution(rule.get(0), rule.get(1), Math.min(1, p)));
            }
        });
        return out;
    }

    private List<Substitution> perturbedSubstitutions(SplittableRandom random, double amount) {
        List<Substitution> drawn = substitutions.stream().map(sub -> new Substitution(sub.from, sub.to,
                Math.min(1, sub.probability * factor(random, amount)))).toList();
        Map<Consonant, Double> total = new EnumMap<>(Consonant.class);
        drawn.forEach(sub -> total.merge(sub.from, sub.probability, Double::sum));
        return drawn.stream().map(sub -> new Substitution(sub.from, sub.to,
                sub.probability / Math.max(1, total.get(sub.from)))).toList();
    }

    /** The reference-tract formants of {@code vowel} in this accent. */
    Formants shift(Vowel vowel, Formants reference) {
        for (VowelShift s : vowelShifts) {
            if (s.vowel == vowel) {
                return reference.shifted(s.f1Factor, s.f2Factor, s.f3Factor);
            }
        }
        return reference;
    }

    private static Map<Vowel, VowelShift> byVowel(List<VowelShift> shifts) {
        Map<Vowel, VowelShift> map = new EnumMap<>(Vowel.class);
        shifts.forEach(s -> map.put(s.vowel, s));
        return map;
    }

    private static double perturbedShift(double shift, SplittableRandom random, double amount) {
        return VoiceTraits.clamp(1 + (shift - 1) * factor(random, amount), 0.5, 2);
    }

    private static double factor(SplittableRandom random, double amount) {
        return Math.exp(amount * Math.max(-3, Math.min(3, random.nextGaussian())));
    }

    private static double linear(double a, double b, double t) {
        return a + t * (b - a);
    }

    private static double geometric(double a, double b, double t) {
        return Math.exp(linear(Math.log(a), Math.log(b), t));
    }

    static void requireRange(String field, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(field + ": " + value + " is outside [" + min + ", " + max + "]");
        }
    }
}
