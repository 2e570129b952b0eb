package io.callface.trainer.synth;

import static io.callface.audio.synth.VoiceTraits.clamp;

import java.awt.Color;
import java.util.Random;

/**
 * Natural skin, hair and eye colour by ancestry group, drawn jointly.
 *
 * <p><b>Skin</b>: a darkness score {@code s} in [0, 1] mapped through seven anchor tones that stand for the
 * Fitzpatrick types I-VI and darker (Fitzpatrick 1988, Arch Dermatol 124:869), with group means and sds after
 * the skin-reflectance survey of Jablonski &amp; Chaplin 2000 (J Hum Evol 39:57): European 0.13 (sd 0.07), East
 * Asian 0.30 (0.07; tinted slightly yellow), South Asian 0.52 (0.11), African 0.80 (0.09).
 *
 * <p><b>Hair and eyes</b>, in order from dark to light. European: hair black 6 %, dark brown 34 %, brown 28 %,
 * light brown 16 %, blond 16 % (after a 4 % draw for red); eyes dark brown 18 %, brown 20 %, hazel 12 %, green
 * 8 %, grey 7 %, blue 35 % (pooled European shares after Frost 2006, Evol Hum Behav 27:85, and Sturm &amp;
 * Larsson 2009, Pigment Cell Melanoma Res 22:544). Within Europeans skin, hair and eye lightness share one latent
 * factor (loading 0.4-0.45; the pigmentation genes act on all three, Sulem et al. 2007, Nat Genet 39:1443), so
 * blond hair comes with blue eyes and fair skin more often than by chance. Other groups: hair black 80-95 % and
 * otherwise dark brown; eyes dark brown or brown, with a few per cent hazel, green, grey or blue only in the South
 * Asian group. Light hair and light eyes are thereby essentially European, as in real populations.
 */
final class PigmentModel {
    private static final Color[] SKIN = {
            new Color(255, 226, 206), new Color(241, 203, 176), new Color(224, 177, 140), new Color(196, 144, 104),
            new Color(154, 104, 70), new Color(110, 72, 48), new Color(72, 48, 34),
    };
    /** Dark to light. */
    static final Color[] HAIR = {
            new Color(26, 22, 21), new Color(56, 38, 28), new Color(98, 70, 46), new Color(146, 108, 70),
            new Color(206, 172, 116),
    };
    static final Color RED_HAIR = new Color(150, 70, 35);
    /** Dark to light. */
    static final Color[] EYES = {
            new Color(52, 32, 20), new Color(98, 60, 32), new Color(128, 100, 52), new Color(84, 118, 72),
            new Color(118, 128, 138), new Color(72, 110, 168),
    };

    private PigmentModel() {
    }

    static Pigmentation sample(Ancestry ancestry, Random random) {
        double shared = ancestry == Ancestry.EUROPEAN ? random.nextGaussian() : 0;
        double darkness = clamp(Population.by(ancestry, 0.13, 0.80, 0.30, 0.52)
                        + Population.by(ancestry, 0.07, 0.09, 0.07, 0.11) * (-0.4 * shared + 0.917 * random.nextGaussian()),
                0, 1);
        Color skin = interpolate(darkness);
        if (ancestry == Ancestry.EAST_ASIAN) {
            skin = new Color(skin.getRed(), channel(skin.getGreen() + 3), channel(skin.getBlue() - 8));
        }
        double hairLatent = 0.45 * shared + 0.893 * random.nextGaussian();
        double eyeLatent = 0.45 * shared + 0.893 * random.nextGaussian();
        double red = random.nextDouble();
        Color hair;
        if (ancestry == Ancestry.EUROPEAN && red < 0.04) {
            hair = RED_HAIR;
        } else {
            hair = HAIR[Population.category(phi(hairLatent), switch (ancestry) {
                case EUROPEAN -> new double[] {0.06, 0.34, 0.28, 0.16, 0.16};
                case AFRICAN -> new double[] {0.95, 0.05};
                case EAST_ASIAN -> new double[] {0.85, 0.15};
                case SOUTH_ASIAN -> new double[] {0.80, 0.19, 0.01};
            })];
        }
        Color eyes = EYES[Population.category(phi(eyeLatent), switch (ancestry) {
            case EUROPEAN -> new double[] {0.18, 0.20, 0.12, 0.08, 0.07, 0.35};
            case AFRICAN -> new double[] {0.85, 0.15};
            case EAST_ASIAN -> new double[] {0.70, 0.30};
            case SOUTH_ASIAN -> new double[] {0.60, 0.30, 0.07, 0.02, 0.005, 0.005};
        })];
        hair = jitter(hair, 8, random);
        eyes = jitter(eyes, 8, random);
        return new Pigmentation(skin, hair, eyes, Pigmentation.lipsFor(skin));
    }

    /** Standard normal CDF (Abramowitz &amp; Stegun 7.1.26, error below 1.5e-7). */
    static double phi(double x) {
        double t = 1 / (1 + 0.3275911 * Math.abs(x) / Math.sqrt(2));
        double poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
        double erf = 1 - poly * Math.exp(-x * x / 2);
        return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }

    private static Color interpolate(double t) {
        double position = t * (SKIN.length - 1);
        int i = Math.min((int) position, SKIN.length - 2);
        double f = position - i;
        Color lo = SKIN[i];
        Color hi = SKIN[i + 1];
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

    static int channel(int value) {
        return Math.max(0, Math.min(255, value));
    }
}
