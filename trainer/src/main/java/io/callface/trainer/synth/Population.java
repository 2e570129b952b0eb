package io.callface.trainer.synth;

import static io.callface.stream.synth.VoiceTraits.clamp;

import io.callface.stream.synth.VoiceTraits;
import java.awt.Color;
import java.util.Random;

/**
 * The population model behind the synthetic corpus: draws {@link IdentityTraits}.
 *
 * <p>Sex is 50/50 and age uniform in 18-80 years. With {@code a = age - 18} and {@code z} the within-sex
 * standard score of the vocal-tract length (a proxy for body size):
 * <ul>
 *   <li>vocal tract (cm): men 17.0, women 14.8, +0.006 cm/year, individual sd 0.7 / 0.6;</li>
 *   <li>F0 (Hz): men 118, women 205, sd 14 / 18, times {@code 1 - 0.03 z}; women lose 0.6 Hz/year after 45,
 *       men gain 0.5 Hz/year after 60;</li>
 *   <li>jitter, shimmer and breathiness rise with age, speaking rate falls with age;</li>
 *   <li>face aspect = 0.76 + 0.03 male + 0.0006 a + 0.012 z + N(0, 0.025);</li>
 *   <li>jaw width = 0.72 + 0.07 male + 0.0008 a + 0.015 z + N(0, 0.03);</li>
 *   <li>nose width = 0.235 + 0.025 male + 0.0005 a + 0.006 z + N(0, 0.015);</li>
 *   <li>eye spacing = 0.45 - 0.012 male + N(0, 0.015) (barely predictable);</li>
 *   <li>lip fullness = 0.085 - 0.012 male - 0.0003 a + N(0, 0.008);</li>
 *   <li>skin tone, hair colour and eye colour are drawn independently of all of the above (no greying with
 *       age either), so they carry no signal a voice could reveal.</li>
 * </ul>
 * All values are clamped into the ranges of {@link VoiceTraits} and {@link FaceShape}.
 */
public final class Population {
    private static final Color[] SKIN_TONES = {
            new Color(255, 224, 196), new Color(241, 194, 160), new Color(224, 172, 130),
            new Color(198, 134, 94), new Color(141, 85, 54), new Color(92, 56, 36),
    };
    private static final Color[] HAIR = {
            new Color(28, 24, 22), new Color(59, 40, 30), new Color(106, 78, 52),
            new Color(150, 111, 72), new Color(212, 180, 120), new Color(150, 70, 35),
    };
    private static final Color[] EYES = {
            new Color(60, 36, 20), new Color(100, 60, 30), new Color(130, 100, 50),
            new Color(80, 120, 70), new Color(70, 110, 170), new Color(120, 130, 140),
    };

    private Population() {
    }

    /** One identity; deterministic for the state of {@code random}. */
    public static IdentityTraits sample(Random random) {
        Sex sex = random.nextBoolean() ? Sex.MALE : Sex.FEMALE;
        boolean male = sex == Sex.MALE;
        Ancestry ancestry = Ancestry.values()[random.nextInt(Ancestry.values().length)];
        double age = IdentityTraits.MIN_AGE + (IdentityTraits.MAX_AGE - IdentityTraits.MIN_AGE) * random.nextDouble();
        double a = age - IdentityTraits.MIN_AGE;
        double z = clamp(random.nextGaussian(), -3, 3);

        double vtl = (male ? 17.0 + 0.7 * z : 14.8 + 0.6 * z) + 0.006 * a;
        double f0 = (male ? 118 + 14 * random.nextGaussian() : 205 + 18 * random.nextGaussian()) * (1 - 0.03 * z);
        f0 += male ? 0.5 * Math.max(0, age - 60) : -0.6 * Math.max(0, age - 45);
        VoiceTraits voice = new VoiceTraits(
                clamp(f0, VoiceTraits.MIN_F0_HZ, VoiceTraits.MAX_F0_HZ),
                clamp(vtl, VoiceTraits.MIN_VOCAL_TRACT_CM, VoiceTraits.MAX_VOCAL_TRACT_CM),
                clamp(0.005 + 0.00006 * a + 0.0015 * random.nextGaussian(), 0.001, VoiceTraits.MAX_JITTER),
                clamp(0.035 + 0.0003 * a + 0.01 * random.nextGaussian(), 0.005, VoiceTraits.MAX_SHIMMER),
                clamp(4.8 - 0.012 * a + 0.5 * random.nextGaussian(), VoiceTraits.MIN_RATE, VoiceTraits.MAX_RATE),
                clamp((male ? 0.15 : 0.3) + 0.002 * a + 0.08 * random.nextGaussian(), 0, 1));

        int m = male ? 1 : 0;
        FaceShape face = new FaceShape(
                clamp(0.76 + 0.03 * m + 0.0006 * a + 0.012 * z + 0.025 * random.nextGaussian(),
                        FaceShape.MIN_ASPECT, FaceShape.MAX_ASPECT),
                clamp(0.72 + 0.07 * m + 0.0008 * a + 0.015 * z + 0.03 * random.nextGaussian(),
                        FaceShape.MIN_JAW, FaceShape.MAX_JAW),
                clamp(0.235 + 0.025 * m + 0.0005 * a + 0.006 * z + 0.015 * random.nextGaussian(),
                        FaceShape.MIN_NOSE, FaceShape.MAX_NOSE),
                clamp(0.45 - 0.012 * m + 0.015 * random.nextGaussian(), FaceShape.MIN_EYES, FaceShape.MAX_EYES),
                clamp(0.085 - 0.012 * m - 0.0003 * a + 0.008 * random.nextGaussian(),
                        FaceShape.MIN_LIPS, FaceShape.MAX_LIPS));

        Color skin = jitter(interpolate(SKIN_TONES, random.nextDouble()), 6, random);
        Color hair = jitter(HAIR[random.nextInt(HAIR.length)], 10, random);
        Color eyes = jitter(EYES[random.nextInt(EYES.length)], 10, random);
        return new IdentityTraits(sex, age, ancestry, voice, face, new Pigmentation(skin, hair, eyes, Pigmentation.lipsFor(skin)));
    }

    private static Color interpolate(Color[] anchors, double t) {
        double position = t * (anchors.length - 1);
        int i = Math.min((int) position, anchors.length - 2);
        double f = position - i;
        Color lo = anchors[i];
        Color hi = anchors[i + 1];
        return new Color(
                (int) Math.round(lo.getRed() + f * (hi.getRed() - lo.getRed())),
                (int) Math.round(lo.getGreen() + f * (hi.getGreen() - lo.getGreen())),
                (int) Math.round(lo.getBlue() + f * (hi.getBlue() - lo.getBlue())));
    }

    private static Color jitter(Color colour, int spread, Random random) {
        return new Color(
                channel(colour.getRed() + random.nextInt(2 * spread + 1) - spread),
                channel(colour.getGreen() + random.nextInt(2 * spread + 1) - spread),
                channel(colour.getBlue() + random.nextInt(2 * spread + 1) - spread));
    }

    private static int channel(int value) {
        return Math.max(0, Math.min(255, value));
    }
}
