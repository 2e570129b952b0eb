package io.callface.audio.synth;

import static io.callface.audio.synth.VoiceTraits.clamp;

import java.util.Random;

/**
 * The voice side of the synthetic world: draws the {@link VoiceTraits} of an adult speaker of a given sex, age and
 * body size, with individual variation at the levels reported for real speakers. The trainer's population model
 * and the demo cast both call it, so a demo caller of a given sex and age sounds like the corpus speakers of that
 * sex and age.
 *
 * <p>With {@code a = age - 18} and {@code z} the within-sex standard score of body height, each trait is a mean
 * for sex and age plus individual noise ({@code e} independent standard normal draws):
 * <ul>
 *   <li><b>F0 (Hz)</b>: young men 120, young women 210, individual sd 17 / 22 (Hillenbrand et al. 1995, JASA
 *       97:3099: men 131 Hz, women 220 Hz on read vowels; Titze 1994, <i>Principles of Voice Production</i>:
 *       conversational means about 120 / 210 Hz). Age: men fall 0.3 Hz/year until 50, then rise 0.8 Hz/year
 *       after 55 (Hollien &amp; Shipp 1972, JSHR 15:155: male F0 lowest in middle age, about +20 Hz by the 80s);
 *       women fall 0.1 Hz/year throughout and a further 0.6 Hz/year between 45 and 65, around menopause
 *       (Stoicheff 1981, JSHR 24:437; Nishio &amp; Niimi 2008, Folia Phoniatr 60:120: about -20 Hz from the 20s to
 *       the 70s). Body size: F0 correlates with height only weakly within a sex; we use r = -0.1 (Pisanski et
 *       al. 2014, Anim Behav 95:89, meta-analysis: |r| at most about 0.1 within sex).</li>
 *   <li><b>Vocal-tract length (cm)</b>: young men 16.9, young women 14.6, sd 0.8 / 0.7 (Fitch &amp; Giedd 1999,
 *       JASA 106:1511, MRI; Vorperian et al. 2009, JASA 125:1666), +0.008 cm/year over adulthood as the larynx
 *       descends (Xue &amp; Hao 2003, JSLHR 46:689: older adults' tracts are longer). Within sex it correlates with
 *       height at r = 0.3 (Pisanski et al. 2014: formant measures |r| about 0.3 within sex), so
 *       {@code vtl = mean + sd (0.3 z + sqrt(1 - 0.09) e)}.</li>
 *   <li><b>Jitter</b> (local, relative): 0.0045 at 18, +0.00006/year, times a log-normal individual factor
 *       (sd 0.3 in log); healthy young adults about 0.4-0.6 %, higher in older voices (Xue &amp; Deliyski 2001,
 *       Ed Gerontol 27:159; Praat's 1.04 % pathology threshold stays above most healthy speakers).</li>
 *   <li><b>Shimmer</b> (local, relative): 0.030 at 18, +0.0003/year, log-normal factor (sd 0.3 in log); the
 *       same sources, healthy voices about 2-5 %.</li>
 *   <li><b>Speaking rate</b> (syllables/s while speaking): 5.0, +0.15 for men, -0.012/year, sd 0.5
 *       (Jacewicz et al. 2009, JASA 126:1514 and 2010: men slightly faster, older adults slower; Quené 2008,
 *       JASA 123:1104: about 5 syll/s in conversation).</li>
 *   <li><b>Breathiness</b> (aspiration share, 0-1): women 0.30, men 0.15, +0.002/year, sd 0.08 (Klatt &amp;
 *       Klatt 1990, JASA 87:820: female voices are breathier; Linville 2001, <i>Vocal Aging</i>: incomplete
 *       glottal closure and lower harmonics-to-noise ratio with age). It stands for the voice's HNR.</li>
 * </ul>
 * Values are clamped into the ranges of {@link VoiceTraits}; the draws are in the order listed, so the result is
 * deterministic for the state of {@code random}.
 */
public final class SpeakerVoice {
    public static final double MIN_AGE = 18;
    /** Within-sex correlation of vocal-tract length with body height (Pisanski et al. 2014). */
    public static final double HEIGHT_VTL_CORRELATION = 0.3;
    /** Within-sex correlation of F0 with body height (Pisanski et al. 2014). */
    public static final double HEIGHT_F0_CORRELATION = -0.1;

    private SpeakerVoice() {
    }

    /**
     * A voice for a speaker of the given sex, age (years, 18 or more; the formulas are for adults) and within-sex
     * body-height standard score {@code bodySizeZ}; deterministic for the state of {@code random}.
     */
    public static VoiceTraits sample(boolean male, double ageYears, double bodySizeZ, Random random) {
        if (!(ageYears >= MIN_AGE && ageYears <= 120)) {
            throw new IllegalArgumentException("ageYears: " + ageYears + " is outside [" + MIN_AGE + ", 120]");
        }
        if (!Double.isFinite(bodySizeZ)) {
            throw new IllegalArgumentException("bodySizeZ: " + bodySizeZ + " is not finite");
        }
        double a = ageYears - MIN_AGE;
        double f0 = meanF0(male, ageYears)
                + (male ? 17 : 22) * correlated(HEIGHT_F0_CORRELATION, bodySizeZ, random.nextGaussian());
        double vtl = (male ? 16.9 : 14.6) + 0.008 * a
                + (male ? 0.8 : 0.7) * correlated(HEIGHT_VTL_CORRELATION, bodySizeZ, random.nextGaussian());
        double jitter = (0.0045 + 0.00006 * a) * Math.exp(0.3 * random.nextGaussian());
        double shimmer = (0.030 + 0.0003 * a) * Math.exp(0.3 * random.nextGaussian());
        double rate = 5.0 + (male ? 0.15 : 0) - 0.012 * a + 0.5 * random.nextGaussian();
        double breathiness = (male ? 0.15 : 0.30) + 0.002 * a + 0.08 * random.nextGaussian();
        return new VoiceTraits(
                clamp(f0, VoiceTraits.MIN_F0_HZ, VoiceTraits.MAX_F0_HZ),
                clamp(vtl, VoiceTraits.MIN_VOCAL_TRACT_CM, VoiceTraits.MAX_VOCAL_TRACT_CM),
                clamp(jitter, 0.001, VoiceTraits.MAX_JITTER),
                clamp(shimmer, 0.005, VoiceTraits.MAX_SHIMMER),
                clamp(rate, VoiceTraits.MIN_RATE, VoiceTraits.MAX_RATE),
                clamp(breathiness, 0, 1));
    }

    /** Mean F0 for sex and age, before individual variation (see the class comment for the sources). */
    public static double meanF0(boolean male, double ageYears) {
        if (male) {
            return 120 - 0.3 * (Math.min(ageYears, 50) - MIN_AGE) + 0.8 * Math.max(0, ageYears - 55);
        }
        return 210 - 0.1 * (ageYears - MIN_AGE) - 0.6 * (Math.min(Math.max(ageYears, 45), 65) - 45);
    }

    /** A standard normal with correlation {@code r} to the standard score {@code z}, from the fresh draw {@code e}. */
    private static double correlated(double r, double z, double e) {
        return r * z + Math.sqrt(1 - r * r) * e;
    }
}
