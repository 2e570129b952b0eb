package io.callface.trainer.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.callface.trainer.synth.Ancestry;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttributeScoresTest {
    private static final double TOLERANCE = 1e-12;

    /** Four faces by hand: truth, verdict on the true face, verdict on the face under test. */
    static AttributeScores scores() {
        List<AttributeJudgement> truth = List.of(male(25, Ancestry.EUROPEAN), female(45, Ancestry.AFRICAN),
                male(65, Ancestry.EAST_ASIAN), female(33, Ancestry.SOUTH_ASIAN));
        // The classifiers erred on the third true face (sex).
        List<AttributeJudgement> reference = List.of(male(25, Ancestry.EUROPEAN), female(44, Ancestry.AFRICAN),
                female(63, Ancestry.EAST_ASIAN), female(35, Ancestry.SOUTH_ASIAN));
        List<AttributeJudgement> judged = List.of(male(27, Ancestry.EUROPEAN), male(50, Ancestry.AFRICAN),
                female(61, Ancestry.SOUTH_ASIAN), female(30, Ancestry.SOUTH_ASIAN));
        return AttributeScores.of(truth, reference, judged);
    }

    @Test
    void agreementIsAgainstTheReferenceAndAccuracyAgainstTheTruth() {
        AttributeScores s = scores();

        assertThat(s.samples()).isEqualTo(4);
        assertThat(s.sexAgreement()).isEqualTo(0.75);
        assertThat(s.sexAccuracy()).isEqualTo(0.5);
        assertThat(s.sexAgreementStandardError()).isCloseTo(Math.sqrt(0.75 * 0.25 / 4), within(TOLERANCE));
        assertThat(s.ancestryAgreement()).isEqualTo(0.75);
        assertThat(s.ancestryAccuracy()).isEqualTo(0.75);
        assertThat(s.ageMeanAbsoluteError()).isCloseTo((2 + 5 + 4 + 3) / 4.0, within(TOLERANCE));
        assertThat(s.ageVsTrueAge().r()).isCloseTo(
                Correlation.pearson(new double[] {27, 50, 61, 30}, new double[] {25, 45, 65, 33}).r(), within(TOLERANCE));
        assertThat(s.ageVsReference().r()).isCloseTo(
                Correlation.pearson(new double[] {27, 50, 61, 30}, new double[] {25, 44, 63, 35}).r(), within(TOLERANCE));
    }

    @Test
    void confusionMatricesCountReferenceRowsAgainstJudgedColumns() {
        AttributeScores s = scores();

        // Sex: female row (index 0) has F->F twice and F->M once; male row has M->M once.
        assertThat(s.sex().labels()).containsExactly("female", "male");
        assertThat(s.sex().count(0, 0)).isEqualTo(2);
        assertThat(s.sex().count(0, 1)).isEqualTo(1);
        assertThat(s.sex().count(1, 1)).isEqualTo(1);
        assertThat(s.sex().count(1, 0)).isZero();
        // Age groups: 25->27 (<30), 44->50 (40s->50s), 63->61 (60+), 35->30 (30s).
        assertThat(s.age().count(AgeGroup.UNDER_30.ordinal(), AgeGroup.UNDER_30.ordinal())).isEqualTo(1);
        assertThat(s.age().count(AgeGroup.FORTIES.ordinal(), AgeGroup.FIFTIES.ordinal())).isEqualTo(1);
        assertThat(s.age().count(AgeGroup.SIXTY_PLUS.ordinal(), AgeGroup.SIXTY_PLUS.ordinal())).isEqualTo(1);
        assertThat(s.age().count(AgeGroup.THIRTIES.ordinal(), AgeGroup.THIRTIES.ordinal())).isEqualTo(1);
        assertThat(s.age().agreement()).isEqualTo(0.75);
        assertThat(s.ancestry().count(Ancestry.EAST_ASIAN.ordinal(), Ancestry.SOUTH_ASIAN.ordinal())).isEqualTo(1);
        assertThat(s.ancestry().rowAgreement(Ancestry.EAST_ASIAN.ordinal())).isZero();
        assertThat(s.ancestry().rowAgreement(Ancestry.AFRICAN.ordinal())).isEqualTo(1.0);
        for (ConfusionMatrix m : List.of(s.sex(), s.age(), s.ancestry())) {
            assertThat(m.total()).isEqualTo(4);
        }
    }

    @Test
    void ageGroupsAreDecadesWithOpenEnds() {
        assertThat(AgeGroup.of(18)).isEqualTo(AgeGroup.UNDER_30);
        assertThat(AgeGroup.of(29.99)).isEqualTo(AgeGroup.UNDER_30);
        assertThat(AgeGroup.of(30)).isEqualTo(AgeGroup.THIRTIES);
        assertThat(AgeGroup.of(49.5)).isEqualTo(AgeGroup.FORTIES);
        assertThat(AgeGroup.of(59.99)).isEqualTo(AgeGroup.FIFTIES);
        assertThat(AgeGroup.of(60)).isEqualTo(AgeGroup.SIXTY_PLUS);
        assertThat(AgeGroup.of(80)).isEqualTo(AgeGroup.SIXTY_PLUS);
    }

    private static AttributeJudgement male(double age, Ancestry ancestry) {
        return new AttributeJudgement(0.9, age, ancestry);
    }

    private static AttributeJudgement female(double age, Ancestry ancestry) {
        return new AttributeJudgement(0.1, age, ancestry);
    }
}
