package io.callface.trainer.synth;

import static io.callface.audio.synth.VoiceTraits.clamp;

import io.callface.audio.synth.SpeakerVoice;
import io.callface.audio.synth.VoiceTraits;
import java.util.Random;

/**
 * The population model behind the synthetic corpus: draws {@link IdentityTraits}.
 *
 * <p><b>Latent causes.</b> Sex 50/50. Age uniform in 18-80 years: not the age pyramid of any country but an even
 * cover of adult life, so every age group of the evaluation has support in a 200-identity test split. Ancestry
 * one of the four {@link Ancestry} groups with equal shares (25 % each; AVSpeech, the paper's data, is uneven,
 * and the paper blames its weak groups on that). Body size {@code z}: within-sex standard score of height,
 * N(0, 1) clipped to +-3.
 *
 * <p><b>Voice</b>: {@link SpeakerVoice#sample} of sex, age and {@code z}.
 *
 * <p><b>Face proportions</b> ({@link FaceShape}, {@link FaceDetail}): each is
 * {@code mean(sex) + age slope * (age - 18) + body-size slope * z + ancestry offset + sd * e}; the sex difference
 * is stated as Cohen's d = difference / within-sex sd. Anthropometry: Farkas 1994, <i>Anthropometry of the Head
 * and Face</i> (North American White norms, young adults) for the means and sex differences; Farkas et al. 2005,
 * J Craniofac Surg 16:615, "International anthropometric study of facial morphology in various ethnic groups"
 * for the ancestry offsets (wider noses and intercanthal widths in African and East Asian groups, fuller lips in
 * African groups, broader East Asian faces); Sforza et al. 2010/2011 (age and lips, nose) for the age slopes.
 * <table>
 *   <caption>Face proportions (a = age - 18)</caption>
 *   <tr><th>trait</th><th>women</th><th>men</th><th>sd</th><th>d</th><th>age / year</th><th>z</th>
 *       <th>ancestry offsets (EUR/AFR/EAS/SAS)</th></tr>
 *   <tr><td>aspect (width/height)</td><td>0.780</td><td>0.783</td><td>0.025</td><td>0.12</td><td>+0.0005</td>
 *       <td>+0.010</td><td>0 / 0 / +0.030 / -0.005</td></tr>
 *   <tr><td>jaw width / face width</td><td>0.740</td><td>0.780</td><td>0.028</td><td>1.4</td><td>+0.0005</td>
 *       <td>+0.008</td><td>0 / +0.005 / +0.020 / 0</td></tr>
 *   <tr><td>nose width / face width</td><td>0.242</td><td>0.255</td><td>0.016</td><td>0.8</td><td>+0.0003</td>
 *       <td>+0.003</td><td>0 / +0.060 / +0.025 / +0.015</td></tr>
 *   <tr><td>eye spacing / face width</td><td>0.455</td><td>0.448</td><td>0.015</td><td>-0.45</td><td>0</td>
 *       <td>0</td><td>0 / +0.012 / +0.020 / +0.003</td></tr>
 *   <tr><td>lip height / face height</td><td>0.088</td><td>0.080</td><td>0.009</td><td>-0.9</td><td>-0.0004</td>
 *       <td>0</td><td>0 / +0.022 / +0.004 / +0.006</td></tr>
 *   <tr><td>chin height / face height</td><td>0.195</td><td>0.210</td><td>0.012</td><td>1.25</td><td>0</td>
 *       <td>+0.003</td><td>0</td></tr>
 *   <tr><td>brow ridge (0-1)</td><td>0.25</td><td>0.60</td><td>0.15</td><td>2.3</td><td>0</td><td>+0.03</td>
 *       <td>0 / 0 / -0.08 / 0</td></tr>
 *   <tr><td>brow thickness / face height</td><td>0.016</td><td>0.024</td><td>0.004</td><td>2.0</td><td>0</td>
 *       <td>0</td><td>0</td></tr>
 *   <tr><td>brow height / face height</td><td>0.100</td><td>0.088</td><td>0.008</td><td>-1.5</td><td>-0.0002</td>
 *       <td>0</td><td>0</td></tr>
 *   <tr><td>eye opening (height/width)</td><td>0.37</td><td>0.35</td><td>0.03</td><td>-0.7</td><td>-0.0005</td>
 *       <td>0</td><td>0 / 0 / -0.05 / 0</td></tr>
 * </table>
 * Brow ridge: the supraorbital region is among the most dimorphic cranial traits (Walker 2008, Am J Phys
 * Anthropol 136:39; Garvin &amp; Ruff 2012); brows: men's are thicker and sit lower and flatter over the eyes,
 * women's higher and more arched (Dupuis-Roy et al. 2009, J Vis 9(2):10: the brows are a main cue to sex);
 * with age lips thin, the nose widens, the lower face widens (jowls), brows and lids descend. All values are
 * clamped into the records' ranges.
 *
 * <p><b>Colours</b>: {@link PigmentModel}. <b>Hair, facial hair, hairline</b>: {@link HairModel}. <b>Greying and
 * wrinkles</b>: {@link AgeingModel}.
 */
public final class Population {
    private Population() {
    }

    /** One identity; deterministic for the state of {@code random}. */
    public static IdentityTraits sample(Random random) {
        Sex sex = random.nextBoolean() ? Sex.MALE : Sex.FEMALE;
        boolean male = sex == Sex.MALE;
        double age = IdentityTraits.MIN_AGE + (IdentityTraits.MAX_AGE - IdentityTraits.MIN_AGE) * random.nextDouble();
        Ancestry ancestry = Ancestry.values()[random.nextInt(Ancestry.values().length)];
        double z = clamp(random.nextGaussian(), -3, 3);
        VoiceTraits voice = SpeakerVoice.sample(male, age, z, random);
        FaceShape face = shape(male, age - IdentityTraits.MIN_AGE, ancestry, z, random);
        FaceDetail detail = detail(male, age - IdentityTraits.MIN_AGE, ancestry, z, random);
        Pigmentation colours = PigmentModel.sample(ancestry, random);
        Hair hair = HairModel.hair(sex, age, ancestry, random);
        FacialHair facialHair = HairModel.facialHair(sex, age, ancestry, random);
        Ageing ageing = AgeingModel.sample(sex, age, ancestry, random);
        // Drawn last, so every earlier trait of a seed is what it was before speech habits existed.
        SpeechHabits speech = SpeechHabits.sample(ancestry, random);
        return new IdentityTraits(sex, age, ancestry, z, voice, face, detail, colours, hair, facialHair, ageing,
                speech);
    }

    private static FaceShape shape(boolean male, double a, Ancestry ancestry, double z, Random random) {
        double aspect = (male ? 0.783 : 0.780) + 0.0005 * a + 0.010 * z
                + by(ancestry, 0, 0, 0.030, -0.005) + 0.025 * random.nextGaussian();
        double jaw = (male ? 0.780 : 0.740) + 0.0005 * a + 0.008 * z
                + by(ancestry, 0, 0.005, 0.020, 0) + 0.028 * random.nextGaussian();
        double nose = (male ? 0.255 : 0.242) + 0.0003 * a + 0.003 * z
                + by(ancestry, 0, 0.060, 0.025, 0.015) + 0.016 * random.nextGaussian();
        double eyes = (male ? 0.448 : 0.455) + by(ancestry, 0, 0.012, 0.020, 0.003) + 0.015 * random.nextGaussian();
        double lips = (male ? 0.080 : 0.088) - 0.0004 * a
                + by(ancestry, 0, 0.022, 0.004, 0.006) + 0.009 * random.nextGaussian();
        return new FaceShape(
                clamp(aspect, FaceShape.MIN_ASPECT, FaceShape.MAX_ASPECT),
                clamp(jaw, FaceShape.MIN_JAW, FaceShape.MAX_JAW),
                clamp(nose, FaceShape.MIN_NOSE, FaceShape.MAX_NOSE),
                clamp(eyes, FaceShape.MIN_EYES, FaceShape.MAX_EYES),
                clamp(lips, FaceShape.MIN_LIPS, FaceShape.MAX_LIPS));
    }

    private static FaceDetail detail(boolean male, double a, Ancestry ancestry, double z, Random random) {
        double chin = (male ? 0.210 : 0.195) + 0.003 * z + 0.012 * random.nextGaussian();
        double ridge = (male ? 0.60 : 0.25) + 0.03 * z + by(ancestry, 0, 0, -0.08, 0) + 0.15 * random.nextGaussian();
        double browThickness = (male ? 0.024 : 0.016) + 0.004 * random.nextGaussian();
        double browHeight = (male ? 0.088 : 0.100) - 0.0002 * a + 0.008 * random.nextGaussian();
        double opening = (male ? 0.35 : 0.37) - 0.0005 * a + by(ancestry, 0, 0, -0.05, 0) + 0.03 * random.nextGaussian();
        return new FaceDetail(
                clamp(chin, FaceDetail.MIN_CHIN, FaceDetail.MAX_CHIN),
                clamp(ridge, 0, 1),
                clamp(browThickness, FaceDetail.MIN_BROW_THICKNESS, FaceDetail.MAX_BROW_THICKNESS),
                clamp(browHeight, FaceDetail.MIN_BROW_HEIGHT, FaceDetail.MAX_BROW_HEIGHT),
                clamp(opening, FaceDetail.MIN_EYE_OPENING, FaceDetail.MAX_EYE_OPENING));
    }

    /** The value for the group, in {@link Ancestry} order: European, African, East Asian, South Asian. */
    static double by(Ancestry ancestry, double european, double african, double eastAsian, double southAsian) {
        return switch (ancestry) {
            case EUROPEAN -> european;
            case AFRICAN -> african;
            case EAST_ASIAN -> eastAsian;
            case SOUTH_ASIAN -> southAsian;
        };
    }

    /** Index of the category that {@code u} in [0, 1) falls into, for category shares summing to 1. */
    static int category(double u, double... shares) {
        double cumulative = 0;
        for (int i = 0; i < shares.length - 1; i++) {
            cumulative += shares[i];
            if (u < cumulative) {
                return i;
            }
        }
        return shares.length - 1;
    }
}
