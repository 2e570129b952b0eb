package io.callface.trainer.synth;

import java.util.Random;

/**
 * Scalp hair, hairline and facial hair by sex, age and ancestry.
 *
 * <p><b>Length and style</b> are grooming, not biology; the shares are this world's assumptions, chosen to give
 * the broad Western pattern that men mostly wear short hair and women mostly longer hair, shorter with age.
 * Men: buzz 30 %, short 60 %, chin 6 %, shoulder 3 %, long 1 %. Women at 25 or younger: buzz 2 %, short 10 %,
 * chin 16 %, shoulder 32 %, long 40 %; at 65 or older: 2 / 33 / 32 / 23 / 10 %, linear in between. Styles: men
 * side part 45 %, swept back 30 %, fringe 20 %, centre part 5 %; women side part 35 %, centre part 30 %, fringe
 * 20 %, swept back (tied) 15 %.
 *
 * <p><b>Texture</b> by group after the worldwide curl survey of De la Mettrie et al. 2007 (Hum Biol 79:265) and
 * Loussouarn et al. 2007 (Int J Dermatol 46 Suppl 1:2), their eight curl types merged to four (straight / wavy /
 * curly / coily): European 45 / 40 / 14 / 1 %, African 0 / 2 / 18 / 80 %, East Asian 90 / 9 / 1 / 0 %, South Asian
 * 45 / 45 / 10 / 0 %.
 *
 * <p><b>Hairline</b> (men; Hamilton-Norwood stages, Norwood 1975, South Med J 68:1359): each man has a fixed
 * susceptibility {@code u ~ U(0,1)}; the share of men at stage 3 or more at age {@code t} is
 * {@code p(t) = g * clamp((t - 8) / 80, 0, 0.85)} (about 19 % at 23, 46 % at 45, 65 % at 60, as Norwood's and
 * Rhodes et al. 1998's age tables; the old "balding share = age in decades" rule), with {@code g} = 1 for
 * European, 0.9 South Asian, 0.6 African, 0.55 East Asian men (lower prevalence in Korean men, Paik et al. 2001,
 * Br J Dermatol 145:95, and in men of African descent, Setty 1970, J Invest Dermatol 54:286). A man with
 * {@code u < p(t)} is at stage {@code 3 + min(4, floor(5 (p - u) / p))}, so his stage only rises with age; others
 * are at stage 2 (a mature hairline) when {@code u < p + 0.3}, else 1. Women keep stage 1: female pattern loss
 * thins the crown but spares the frontal hairline (Ludwig 1977, Br J Dermatol 97:247), which a frontal drawing
 * does not show.
 *
 * <p><b>Facial hair</b> (men only): the share with any rises from 25 % at 18 to 45 % from 30 on, as beard
 * growth completes in the twenties (Randall 2008, Dermatol Ther 21:314); halved for East Asian men, whose beard
 * density is lower (same source). Types given any: under 25 stubble 55 %, moustache 10 %, goatee 15 %, beard 20 %;
 * from 25 on 35 / 15 / 15 / 35 %; South Asian men swap 15 points from stubble to moustache. The shares are this
 * world's assumptions.
 */
final class HairModel {
    private HairModel() {
    }

    static Hair hair(Sex sex, double age, Ancestry ancestry, Random random) {
        boolean male = sex == Sex.MALE;
        double older = Math.min(1, Math.max(0, (age - 25) / 40));
        double[] lengths = male ? new double[] {0.30, 0.60, 0.06, 0.03, 0.01}
                : new double[] {0.02, 0.10 + 0.23 * older, 0.16 + 0.16 * older, 0.32 - 0.09 * older, 0.40 - 0.30 * older};
        HairLength length = HairLength.values()[Population.category(random.nextDouble(), lengths)];
        HairStyle style = male
                ? new HairStyle[] {HairStyle.SIDE_PART, HairStyle.SWEPT_BACK, HairStyle.FRINGE, HairStyle.CENTRE_PART}
                        [Population.category(random.nextDouble(), 0.45, 0.30, 0.20, 0.05)]
                : HairStyle.values()[Population.category(random.nextDouble(), 0.35, 0.30, 0.20, 0.15)];
        HairTexture texture = HairTexture.values()[Population.category(random.nextDouble(), switch (ancestry) {
            case EUROPEAN -> new double[] {0.45, 0.40, 0.14, 0.01};
            case AFRICAN -> new double[] {0, 0.02, 0.18, 0.80};
            case EAST_ASIAN -> new double[] {0.90, 0.09, 0.01, 0};
            case SOUTH_ASIAN -> new double[] {0.45, 0.45, 0.10, 0};
        })];
        double susceptibility = random.nextDouble();
        int norwood = male ? norwood(age, ancestry, susceptibility) : Hair.MIN_NORWOOD;
        return new Hair(length, style, texture, norwood);
    }

    /** The Hamilton-Norwood stage of a man of this susceptibility at this age (rises with age). */
    static int norwood(double age, Ancestry ancestry, double susceptibility) {
        double p = Population.by(ancestry, 1, 0.6, 0.55, 0.9) * Math.min(0.85, Math.max(0, (age - 8) / 80));
        if (susceptibility < p) {
            return 3 + Math.min(4, (int) Math.floor(5 * (p - susceptibility) / p));
        }
        return susceptibility < p + 0.3 ? 2 : 1;
    }

    static FacialHair facialHair(Sex sex, double age, Ancestry ancestry, Random random) {
        double any = random.nextDouble();
        double type = random.nextDouble();
        if (sex != Sex.MALE) {
            return FacialHair.NONE;
        }
        double share = (0.25 + 0.20 * Math.min(1, (age - 18) / 12)) * (ancestry == Ancestry.EAST_ASIAN ? 0.5 : 1);
        if (any >= share) {
            return FacialHair.NONE;
        }
        double[] types = age < 25 ? new double[] {0.55, 0.10, 0.15, 0.20} : new double[] {0.35, 0.15, 0.15, 0.35};
        if (ancestry == Ancestry.SOUTH_ASIAN) {
            types[0] -= 0.15;
            types[1] += 0.15;
        }
        return new FacialHair[] {FacialHair.STUBBLE, FacialHair.MOUSTACHE, FacialHair.GOATEE, FacialHair.BEARD}
                [Population.category(type, types)];
    }
}
