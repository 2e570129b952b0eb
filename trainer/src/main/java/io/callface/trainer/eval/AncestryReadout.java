package io.callface.trainer.eval;

import io.callface.trainer.synth.Ancestry;
import io.callface.trainer.synth.IdentityTraits;
import java.util.List;
import java.util.Optional;

/**
 * A diagnostic of the voice stage: how well a linear read-out finds the speaker's ancestry group in the 6 s speech
 * feature itself, before any face is drawn. In this world a voice carries ancestry only through accent (the
 * non-native speakers of three groups), so the read-out tells whether the voice encoder hears accent at all:
 * near chance, the encoder is the limit of the ancestry agreement of decoded faces; well above it, the face stage.
 *
 * <p>A softmax regression on standardised features, fitted on the validation clips (the test split is only
 * scored); its L2 penalty is the one of {@link AttributeClassifiers#PENALTIES} with the lowest log-loss when fitted
 * on half of the validation identities and scored on the other half.
 *
 * @param validationClips  clips the read-out was fitted on
 * @param testClips        clips it was scored on
 * @param accuracy         share of test clips whose ancestry it names
 * @param accentedAccuracy the same over test speakers with a group accent (non-native, exposure below 1)
 * @param nativeAccuracy   the same over native speakers (every European, and the native share of the others)
 * @param majorityShare    the share of test clips of the most frequent group, the accuracy of always naming it
 */
public record AncestryReadout(int validationClips, int testClips, double accuracy, double accentedAccuracy,
                              double nativeAccuracy, double majorityShare) {
    private static final int GROUPS = Ancestry.values().length;

    /** Empty when a split lacks clips or the validation clips hold fewer than two groups. */
    static Optional<AncestryReadout> measure(List<float[]> validationFeatures, List<IdentityTraits> validationTraits,
                                             List<String> validationIdentities, List<float[]> testFeatures,
                                             List<IdentityTraits> testTraits) {
        if (validationFeatures.size() < 2 || testFeatures.isEmpty()
                || validationTraits.stream().map(IdentityTraits::ancestry).distinct().count() < 2) {
            return Optional.empty();
        }
        Standardiser standardiser = Standardiser.fit(validationFeatures.toArray(float[][]::new));
        float[][] val = validationFeatures.stream().map(standardiser::apply).toArray(float[][]::new);
        int[] valLabel = validationTraits.stream().mapToInt(t -> t.ancestry().ordinal()).toArray();
        SoftmaxRegression model = SoftmaxRegression.fit(val, valLabel, GROUPS,
                penalty(val, valLabel, validationIdentities), AttributeClassifiers.ITERATIONS);

        int[] correct = new int[2];
        int[] count = new int[2];
        int[] perGroup = new int[GROUPS];
        for (int i = 0; i < testFeatures.size(); i++) {
            IdentityTraits traits = testTraits.get(i);
            int accented = traits.speech().exposure() < 1 ? 1 : 0;
            count[accented]++;
            perGroup[traits.ancestry().ordinal()]++;
            if (model.predict(standardiser.apply(testFeatures.get(i))) == traits.ancestry().ordinal()) {
                correct[accented]++;
            }
        }
        int majority = 0;
        for (int n : perGroup) {
            majority = Math.max(majority, n);
        }
        double n = testFeatures.size();
        return Optional.of(new AncestryReadout(val.length, testFeatures.size(), (correct[0] + correct[1]) / n,
                count[1] == 0 ? Double.NaN : (double) correct[1] / count[1],
                count[0] == 0 ? Double.NaN : (double) correct[0] / count[0], majority / n));
    }

    /** The penalty with the lowest held-out log-loss, halving the validation clips by identity. */
    private static double penalty(float[][] rows, int[] label, List<String> identities) {
        ValidationHalves halves = ValidationHalves.of(identities);
        return halves.bestPenalty(penalty -> {
            SoftmaxRegression model = SoftmaxRegression.fit(ValidationHalves.pick(rows, halves.first()),
                    ValidationHalves.pick(label, halves.first()), GROUPS, penalty, AttributeClassifiers.ITERATIONS);
            double loss = 0;
            for (int i : halves.second()) {
                loss -= Math.log(Math.max(1e-12, model.probabilities(rows[i])[label[i]]));
            }
            return loss;
        });
    }
}
