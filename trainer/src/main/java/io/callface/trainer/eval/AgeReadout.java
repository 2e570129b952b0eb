package io.callface.trainer.eval;

import java.util.List;
import java.util.Optional;

/**
 * A diagnostic beside {@link AncestryReadout}: how well a linear read-out finds the speaker's age in years in a
 * description of 6 s of speech. A ridge regression on standardised features, fitted on the validation clips (the test
 * split is only scored); its L2 penalty is the one of {@link AttributeClassifiers#PENALTIES} with the lowest mean
 * absolute error when fitted on half of the validation identities and scored on the other half.
 *
 * @param validationClips clips the read-out was fitted on
 * @param testClips       clips it was scored on
 * @param ageR            Pearson r between its prediction and the true age over the test clips
 * @param meanAbsoluteError its mean absolute error in years over the test clips
 */
public record AgeReadout(int validationClips, int testClips, Correlation ageR, double meanAbsoluteError) {

    /** Empty when there are fewer than two validation clips or no test clips. */
    static Optional<AgeReadout> measure(List<float[]> validationFeatures, double[] validationAges,
                                        List<String> validationIdentities, List<float[]> testFeatures,
                                        double[] testAges) {
        if (validationFeatures.size() < 2 || testFeatures.size() < 3) {
            return Optional.empty();
        }
        Standardiser standardiser = Standardiser.fit(validationFeatures.toArray(float[][]::new));
        float[][] val = validationFeatures.stream().map(standardiser::apply).toArray(float[][]::new);
        RidgeRegression model = RidgeRegression.fit(val, validationAges,
                penalty(val, validationAges, validationIdentities), AttributeClassifiers.ITERATIONS);
        double[] predicted = testFeatures.stream().mapToDouble(f -> model.predict(standardiser.apply(f))).toArray();
        double error = 0;
        for (int i = 0; i < predicted.length; i++) {
            error += Math.abs(predicted[i] - testAges[i]) / predicted.length;
        }
        return Optional.of(new AgeReadout(val.length, predicted.length, Correlation.pearson(predicted, testAges), error));
    }

    /** The penalty with the lowest held-out mean absolute error, halving the validation clips by identity. */
    private static double penalty(float[][] rows, double[] ages, List<String> identities) {
        ValidationHalves halves = ValidationHalves.of(identities);
        return halves.bestPenalty(penalty -> {
            RidgeRegression model = RidgeRegression.fit(ValidationHalves.pick(rows, halves.first()),
                    ValidationHalves.pick(ages, halves.first()), penalty, AttributeClassifiers.ITERATIONS);
            double error = 0;
            for (int i : halves.second()) {
                error += Math.abs(model.predict(rows[i]) - ages[i]);
            }
            return error;
        });
    }
}
