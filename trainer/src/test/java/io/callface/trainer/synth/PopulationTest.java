package io.callface.trainer.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/** Statistical properties of the world, over one large seeded sample; every bound states what it checks. */
class PopulationTest {
    private static final int N = 12_000;
    /** Below this |r| a correlation is treated as absent (12000 samples: sd of r under independence ~0.009). */
    private static final double NO_CORRELATION = 0.05;
    private static final List<IdentityTraits> PEOPLE = sample();

    private static List<IdentityTraits> sample() {
        Random random = new Random(11);
        IdentityTraits[] out = new IdentityTraits[N];
        Arrays.setAll(out, i -> Population.sample(random));
        return List.of(out);
    }

    @Property(tries = 300)
    void facialHairOnlyOnMenAndEveryTraitInRange(@ForAll long seed) {
        IdentityTraits t = Population.sample(new Random(seed));
        if (t.sex() == Sex.FEMALE) {
            assertThat(t.facialHair()).isEqualTo(FacialHair.NONE);
            assertThat(t.hair().norwood()).isEqualTo(1);
        }
        assertThat(t.ageYears()).isBetween(IdentityTraits.MIN_AGE, IdentityTraits.MAX_AGE);
        assertThat(Population.sample(new Random(seed))).isEqualTo(t);
    }

    @Property(tries = 300)
    void aMansHairlineOnlyRecedesWithAge(@ForAll @DoubleRange(min = 0, max = 1, maxIncluded = false) double u,
                                         @ForAll @DoubleRange(min = 18, max = 79) double age) {
        for (Ancestry group : Ancestry.values()) {
            assertThat(HairModel.norwood(age + 1, group, u)).isGreaterThanOrEqualTo(HairModel.norwood(age, group, u));
        }
    }

    @Test
    void voiceSeparatesTheSexes() {
        assertThat(correlation(PEOPLE, PopulationTest::male, t -> t.voice().f0Hz())).isLessThan(-0.8);
        assertThat(correlation(PEOPLE, PopulationTest::male, IdentityTraits::vocalTractCm)).isGreaterThan(0.8);
    }

    @Test
    void sexualDimorphismHasTheStatedEffectSizes() {
        // Young Europeans, so that age and ancestry add no variance: d is close to the table in Population.
        List<IdentityTraits> young = PEOPLE.stream().filter(t -> t.ancestry() == Ancestry.EUROPEAN && t.ageYears() < 40).toList();
        assertThat(cohensD(young, t -> t.face().jawWidth())).isBetween(1.1, 1.8);
        assertThat(cohensD(young, t -> t.detail().browRidge())).isBetween(1.8, 2.8);
        assertThat(cohensD(young, t -> t.detail().browThickness())).isBetween(1.5, 2.5);
        assertThat(cohensD(young, t -> t.detail().chinHeight())).isBetween(0.9, 1.6);
        assertThat(cohensD(young, t -> t.face().noseWidth())).isBetween(0.5, 1.1);
        assertThat(cohensD(young, t -> t.face().lipFullness())).isBetween(-1.3, -0.6);
        assertThat(cohensD(young, t -> t.detail().browHeight())).isBetween(-1.9, -1.1);
        assertThat(Math.abs(cohensD(young, t -> t.face().aspect()))).isLessThan(0.4);
    }

    @Test
    void faceShapeIsPartlyPredictableFromTheVoice() {
        assertThat(correlation(PEOPLE, IdentityTraits::vocalTractCm, t -> t.face().jawWidth())).isBetween(0.3, 0.9);
        assertThat(correlation(PEOPLE, IdentityTraits::vocalTractCm, t -> t.detail().browRidge())).isBetween(0.4, 0.9);
        assertThat(correlation(PEOPLE, t -> t.voice().f0Hz(), t -> t.face().lipFullness())).isBetween(0.15, 0.9);
    }

    @Test
    void greyHairRisesWithAgeAndStartsEarlierInEuropeans() {
        double previous = -1;
        for (int decade = 20; decade < 80; decade += 10) {
            int from = decade;
            double grey = mean(filter(t -> t.ageYears() >= from && t.ageYears() < from + 10), t -> t.ageing().greyShare());
            assertThat(grey).as("mean grey share in the %ds", decade).isGreaterThan(previous);
            previous = grey;
        }
        List<IdentityTraits> fifty = filter(t -> Math.abs(t.ageYears() - 50) < 3);
        // Panhard et al. 2012: 74 % have some grey at 50, mean share about 27 %.
        assertThat(share(fifty, t -> t.ageing().greyShare() > 0)).isBetween(0.65, 0.95);
        assertThat(mean(fifty, t -> t.ageing().greyShare())).isBetween(0.15, 0.4);
        ToDoubleFunction<IdentityTraits> grey = t -> t.ageing().greyShare();
        assertThat(mean(group(fifty, Ancestry.EUROPEAN), grey)).isGreaterThan(mean(group(fifty, Ancestry.AFRICAN), grey) + 0.1);
    }

    @Test
    void accentFollowsUpbringingNotAncestryAlone() {
        List<IdentityTraits> european = group(PEOPLE, Ancestry.EUROPEAN);
        assertThat(european).allSatisfy(t -> assertThat(t.speech().accent()).isEqualTo("english"));
        for (Ancestry other : List.of(Ancestry.AFRICAN, Ancestry.EAST_ASIAN, Ancestry.SOUTH_ASIAN)) {
            List<IdentityTraits> people = group(PEOPLE, other);
            assertThat(people).allSatisfy(t -> assertThat(t.speech().accent())
                    .isEqualTo(SpeechHabits.groupAccent(other).name()));
            double natives = share(people, t -> t.speech().exposure() == 1);
            assertThat(natives).as("native speakers among %s", other).isBetween(0.2, 0.4);
            assertThat(people.stream().filter(t -> t.speech().exposure() < 1))
                    .allSatisfy(t -> assertThat(t.speech().exposure()).isBetween(0.0, SpeechHabits.MAX_L2_EXPOSURE));
        }
    }

    @Test
    void wrinklesRiseWithAgeAndComeLaterInDarkerSkin() {
        for (ToDoubleFunction<IdentityTraits> wrinkle : List.<ToDoubleFunction<IdentityTraits>>of(
                t -> t.ageing().foreheadLines(), t -> t.ageing().crowsFeet(), t -> t.ageing().nasolabialFolds())) {
            assertThat(correlation(PEOPLE, IdentityTraits::ageYears, wrinkle)).isGreaterThan(0.7);
            List<IdentityTraits> sixty = filter(t -> Math.abs(t.ageYears() - 55) < 5);
            assertThat(mean(group(sixty, Ancestry.EUROPEAN), wrinkle)).isGreaterThan(mean(group(sixty, Ancestry.AFRICAN), wrinkle));
        }
    }

    @Test
    void facialHairRisesInTheTwentiesThenStaysStable() {
        Predicate<IdentityTraits> bearded = t -> t.facialHair() != FacialHair.NONE;
        double young = share(filter(t -> male(t) == 1 && t.ageYears() < 21), bearded);
        double thirties = share(filter(t -> male(t) == 1 && t.ageYears() >= 30 && t.ageYears() < 45), bearded);
        double old = share(filter(t -> male(t) == 1 && t.ageYears() >= 60), bearded);
        assertThat(young).isLessThan(thirties - 0.08);
        assertThat(Math.abs(thirties - old)).isLessThan(0.06);
        assertThat(share(filter(t -> male(t) == 0), bearded)).isZero();
    }

    @Test
    void hairlineRecessionRisesWithAgeInMen() {
        Predicate<IdentityTraits> bald = t -> t.hair().norwood() >= 3;
        double young = share(filter(t -> male(t) == 1 && t.ageYears() < 30), bald);
        double middle = share(filter(t -> male(t) == 1 && t.ageYears() >= 40 && t.ageYears() < 50), bald);
        double old = share(filter(t -> male(t) == 1 && t.ageYears() >= 65), bald);
        assertThat(young).isBetween(0.08, 0.3);
        assertThat(middle).isBetween(young + 0.1, 0.6);
        assertThat(old).isGreaterThan(middle + 0.1);
    }

    @Test
    void lightHairAndEyesAreEssentiallyEuropeanAndDarkSkinIsTheAfricanMajority() {
        Predicate<IdentityTraits> lightEyes = t -> t.colours().eyes().getBlue() > t.colours().eyes().getRed();
        Predicate<IdentityTraits> lightHair = t -> luminance(t.colours().hair()) > 130;
        assertThat(share(filter(lightEyes), t -> t.ancestry() == Ancestry.EUROPEAN)).isGreaterThan(0.95);
        assertThat(share(filter(lightHair), t -> t.ancestry() == Ancestry.EUROPEAN)).isGreaterThan(0.95);
        assertThat(share(group(PEOPLE, Ancestry.EUROPEAN), lightEyes)).isBetween(0.35, 0.6);
        assertThat(share(group(PEOPLE, Ancestry.EUROPEAN), lightHair)).isBetween(0.1, 0.35);
        Predicate<IdentityTraits> darkSkin = t -> luminance(t.colours().skin()) < 120;
        assertThat(share(group(PEOPLE, Ancestry.AFRICAN), darkSkin)).isGreaterThan(0.8);
        assertThat(share(group(PEOPLE, Ancestry.EUROPEAN), darkSkin)).isLessThan(0.01);
        // Within Europeans light hair and light eyes go together (one shared pigmentation factor).
        List<IdentityTraits> europeans = group(PEOPLE, Ancestry.EUROPEAN);
        assertThat(share(europeans.stream().filter(lightHair).toList(), lightEyes))
                .isGreaterThan(share(europeans, lightEyes) + 0.1);
    }

    @Test
    void hairFollowsSexAgeAndAncestry() {
        Predicate<IdentityTraits> longHair = t -> t.hair().length().compareTo(HairLength.CHIN) >= 0;
        assertThat(share(filter(t -> male(t) == 0), longHair)).isGreaterThan(0.55);
        assertThat(share(filter(t -> male(t) == 1), longHair)).isLessThan(0.15);
        assertThat(share(filter(t -> male(t) == 0 && t.ageYears() > 65), longHair))
                .isLessThan(share(filter(t -> male(t) == 0 && t.ageYears() < 25), longHair) - 0.15);
        assertThat(share(group(PEOPLE, Ancestry.AFRICAN), t -> t.hair().texture() == HairTexture.COILY)).isGreaterThan(0.7);
        assertThat(share(group(PEOPLE, Ancestry.EAST_ASIAN), t -> t.hair().texture() == HairTexture.STRAIGHT)).isGreaterThan(0.8);
    }

    @Test
    void naturalColoursCarryNoVoiceInformation() {
        ToDoubleFunction<IdentityTraits> skin = t -> luminance(t.colours().skin());
        ToDoubleFunction<IdentityTraits> hair = t -> luminance(t.colours().hair());
        ToDoubleFunction<IdentityTraits> eyes = t -> t.colours().eyes().getBlue();
        for (ToDoubleFunction<IdentityTraits> colour : List.of(skin, hair, eyes)) {
            assertThat(Math.abs(correlation(PEOPLE, colour, t -> t.voice().f0Hz()))).isLessThan(NO_CORRELATION);
            assertThat(Math.abs(correlation(PEOPLE, colour, IdentityTraits::vocalTractCm))).isLessThan(NO_CORRELATION);
            assertThat(Math.abs(correlation(PEOPLE, colour, IdentityTraits::ageYears))).isLessThan(NO_CORRELATION);
        }
    }

    private static double male(IdentityTraits t) {
        return t.sex() == Sex.MALE ? 1 : 0;
    }

    private static double luminance(Color c) {
        return 0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue();
    }

    private static List<IdentityTraits> filter(Predicate<IdentityTraits> keep) {
        return PEOPLE.stream().filter(keep).toList();
    }

    private static List<IdentityTraits> group(List<IdentityTraits> people, Ancestry ancestry) {
        return people.stream().filter(t -> t.ancestry() == ancestry).toList();
    }

    private static double share(List<IdentityTraits> people, Predicate<IdentityTraits> test) {
        return (double) people.stream().filter(test).count() / people.size();
    }

    private static double mean(List<IdentityTraits> people, ToDoubleFunction<IdentityTraits> f) {
        return people.stream().mapToDouble(f).average().orElseThrow();
    }

    private static double variance(List<IdentityTraits> people, ToDoubleFunction<IdentityTraits> f) {
        double m = mean(people, f);
        return people.stream().mapToDouble(t -> Math.pow(f.applyAsDouble(t) - m, 2)).sum() / (people.size() - 1);
    }

    /** (mean of men - mean of women) / pooled within-sex sd. */
    private static double cohensD(List<IdentityTraits> people, ToDoubleFunction<IdentityTraits> f) {
        List<IdentityTraits> men = people.stream().filter(t -> male(t) == 1).toList();
        List<IdentityTraits> women = people.stream().filter(t -> male(t) == 0).toList();
        double pooled = Math.sqrt((variance(men, f) + variance(women, f)) / 2);
        return (mean(men, f) - mean(women, f)) / pooled;
    }

    private static double correlation(List<IdentityTraits> people, ToDoubleFunction<IdentityTraits> a,
                                      ToDoubleFunction<IdentityTraits> b) {
        double ma = mean(people, a);
        double mb = mean(people, b);
        double cov = 0;
        double va = 0;
        double vb = 0;
        for (IdentityTraits t : people) {
            double da = a.applyAsDouble(t) - ma;
            double db = b.applyAsDouble(t) - mb;
            cov += da * db;
            va += da * da;
            vb += db * db;
        }
        return cov / Math.sqrt(va * vb);
    }
}
