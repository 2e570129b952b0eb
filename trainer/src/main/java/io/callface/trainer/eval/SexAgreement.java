package io.callface.trainer.eval;

/**
 * Sex-attribute agreement between true faces and faces from speech (the paper's Table 4 idea, 94 % there),
 * judged by a {@link SexClassifier} trained on the training identities' true face features.
 *
 * @param classifierAccuracy      the classifier on the true test faces against their true sex (its own quality)
 * @param featureAgreement        test clips where the class of {@code v_s} (6 s) equals the class of the true {@code v_f}
 * @param reconstructionAgreement test clips where the class of the face decoded from {@code v_s}, re-encoded by the
 *                                face encoder, equals the class of the true face
 */
public record SexAgreement(double classifierAccuracy, double featureAgreement, double reconstructionAgreement) {
    public SexAgreement {
        for (double v : new double[] {classifierAccuracy, featureAgreement, reconstructionAgreement}) {
            if (!(v >= 0 && v <= 1)) {
                throw new IllegalArgumentException("sex agreement fractions must be in [0, 1], got " + classifierAccuracy
                        + ", " + featureAgreement + ", " + reconstructionAgreement);
            }
        }
    }
}
