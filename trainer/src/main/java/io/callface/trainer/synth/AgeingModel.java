package io.callface.trainer.synth;

import static io.callface.audio.synth.VoiceTraits.clamp;

import java.util.Random;

/**
 * Greying and wrinkles by age, sex and ancestry.
 *
 * <p><b>Greying</b> (Panhard, Lozano &amp; Loussouarn 2012, Br J Dermatol 167:865, a worldwide survey of 4,192
 * people: at 50, 74 % have some grey hair, with a mean grey share of about 27 %; onset is earliest in people of
 * European descent and latest in people of African descent, Asians in between; Tobin 2008, the mid-30s / late-30s /
 * mid-40s rule). Each person has an onset age {@code N(m, 10)} with {@code m} = 34 European, 38 South Asian, 39 East
 * Asian, 44 African, and a time constant {@code tau = 35 exp(0.35 e)} years; the grey share is
 * {@code 1 - exp(-(age - onset) / tau)} after the onset and 0 before (about 37 % at 50 for Europeans, 15 % for
 * Africans; nearly everyone is mostly grey by 80).
 *
 * <p><b>Wrinkles and folds</b>, each {@code clamp((age - onset) / 45 + 0.12 (0.6 s + 0.8 e), 0, 1)} with one
 * person-level factor {@code s} shared by all three (sun exposure, smoking, skin type) and a fresh {@code e} for
 * each. European onsets: forehead lines 25 (22 for men, who wrinkle earlier: Tsukahara et al. 2013, Int J Cosmet
 * Sci 35:583), crow's feet 30, nasolabial folds 30, reaching the top grade in the 70s as in the photo-numeric
 * atlas of Bazin &amp; Doublet 2007 (<i>Skin Aging Atlas, vol. 1: Caucasian Type</i>). Onsets are later in
 * pigmented skin: East Asian +8 years (Nouveau-Richard et al. 2005, J Dermatol Sci 40:187: Chinese women wrinkle
 * about a decade later than French women), South Asian +5, African +10 (Vashi et al. 2016, J Clin Aesthet
 * Dermatol 9:31).
 */
final class AgeingModel {
    private AgeingModel() {
    }

    static Ageing sample(Sex sex, double age, Ancestry ancestry, Random random) {
        double onset = Population.by(ancestry, 34, 44, 39, 38) + 10 * random.nextGaussian();
        double tau = 35 * Math.exp(0.35 * random.nextGaussian());
        double grey = age <= onset ? 0 : 1 - Math.exp(-(age - onset) / tau);
        double delay = Population.by(ancestry, 0, 10, 8, 5);
        double skin = random.nextGaussian();
        double forehead = severity(age, (sex == Sex.MALE ? 22 : 25) + delay, skin, random);
        double crowsFeet = severity(age, 30 + delay, skin, random);
        double folds = severity(age, 30 + delay, skin, random);
        return new Ageing(clamp(grey, 0, 1), forehead, crowsFeet, folds);
    }

    private static double severity(double age, double onset, double personal, Random random) {
        return clamp((age - onset) / 45 + 0.12 * (0.6 * personal + 0.8 * random.nextGaussian()), 0, 1);
    }
}
