package io.callface.trainer.eval;

import java.util.Map;
import java.util.Objects;

/**
 * The {@link TraitOracle} ceilings: what perfect hearing of a synthetic voice's parameters allows.
 *
 * @param faceFeature recall when the oracle predicts the face encoder's feature {@code v_f} and retrieves among
 *                    the test faces' features by cosine: the ceiling of this model's face feature space
 * @param faceShape   recall when it predicts the exact face-shape proportions of {@code identities.csv}
 *                    (standardised on the training identities) and retrieves among the test identities' exact
 *                    shapes by cosine: the ceiling the synthetic population leaves for any face feature that
 *                    encodes shape, whatever the model
 * @param age         Pearson r between the age in years the oracle predicts and the test identities' true age: how
 *                    much of age this world's voices carry for a linear read-out, the ceiling of any age judged from
 *                    a face drawn from speech
 */
public record OracleRecall(Map<Integer, Double> faceFeature, Map<Integer, Double> faceShape, Correlation age) {
    public OracleRecall {
        Objects.requireNonNull(age, "age");
        faceFeature = Map.copyOf(faceFeature);
        faceShape = Map.copyOf(faceShape);
        if (!faceFeature.keySet().containsAll(EvaluationReport.KS) || !faceShape.keySet().containsAll(EvaluationReport.KS)) {
            throw new IllegalArgumentException("oracle recall must cover K in " + EvaluationReport.KS + ", got "
                    + faceFeature.keySet() + " and " + faceShape.keySet());
        }
    }
}
