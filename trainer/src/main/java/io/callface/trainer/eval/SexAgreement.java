package io.callface.trainer.eval;

/**
 * A diagnostic in feature space, beside the paper's attribute evaluation on images ({@link AttributeEvaluation}):
 * does the speech feature {@code v_s} itself carry sex? Judged by a {@link SexClassifier} trained on the training
 * identities' true face features. When this is high but the image-based agreement is low, sex is lost in the
 * decoder, not in the voice encoder.
 *
 * @param classifierAccuracy the classifier on the true test faces' features against their true sex
 * @param featureAgreement   test clips where the class of {@code v_s} (6 s) equals the class of the true {@code v_f}
 */
public record SexAgreement(double classifierAccuracy, double featureAgreement) {
    public SexAgreement {
        if (!(classifierAccuracy >= 0 && classifierAccuracy <= 1) || !(featureAgreement >= 0 && featureAgreement <= 1)) {
            throw new IllegalArgumentException("sex agreement fractions must be in [0, 1], got " + classifierAccuracy
                    + ", " + featureAgreement);
        }
    }
}
