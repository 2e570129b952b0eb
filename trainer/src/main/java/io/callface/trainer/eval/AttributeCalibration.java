package io.callface.trainer.eval;

import io.callface.model.AttributeContract.SkinToneCategory;
import io.callface.trainer.synth.HairLength;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * How well the {@link AttributeHeads} read held-out callers from 6 s of speech, one prediction per test clip: a
 * {@link ReliabilityTable} for each probability they state, and errors and correlations for the quantities.
 *
 * @param clips            test clips, one prediction each
 * @param identities       distinct test identities among them
 * @param sex              P(male) against the true sex
 * @param sexAccuracy      share of clips whose more probable sex is the true one
 * @param facialHair       P(facial hair) against the truth
 * @param hairLength       top-label calibration of the hair-length class
 * @param hairLengthAccuracy share of clips whose likeliest hair length is the true one
 * @param faceShape        top-label calibration of the face-shape class
 * @param faceShapeAccuracy share of clips whose likeliest face shape is the true one
 * @param ageMae           mean absolute error of the age in years
 * @param age              correlation of the stated age with the true age
 * @param ageWithinOneSd   share of true ages within one stated standard deviation (about 0.68 if it is honest)
 * @param ageWithinTwoSd   share within two (about 0.95)
 * @param oracleAgeMae     the voice-trait oracle's age error on the same identities, when the corpus lists traits
 * @param greyMae          mean absolute error of the grey share
 * @param skinItaMae       mean absolute error of the skin tone in ITA degrees
 * @param skinCategory     share of clips whose ITA class ({@link SkinToneCategory}) is the true one
 */
public record AttributeCalibration(int clips, int identities, ReliabilityTable sex, double sexAccuracy,
                                   ReliabilityTable facialHair, ReliabilityTable hairLength, double hairLengthAccuracy,
                                   ReliabilityTable faceShape, double faceShapeAccuracy, double ageMae,
                                   Correlation age, double ageWithinOneSd, double ageWithinTwoSd,
                                   Optional<Double> oracleAgeMae, double greyMae, double skinItaMae,
                                   double skinCategory) {

    /** Scores {@code predicted[i]} against {@code truth[i]}, with {@code identity[i]} the clip's identity. */
    public static AttributeCalibration measure(List<CallerAttributes> predicted, List<AttributeTruth> truth,
            List<String> identity, Optional<Double> oracleAgeMae) {
        int n = predicted.size();
        if (n == 0 || truth.size() != n || identity.size() != n) {
            throw new IllegalArgumentException("predictions (" + n + "), truths (" + truth.size() + ") and identities ("
                    + identity.size() + ") must be non-empty and of equal count");
        }
        double[] pMale = values(predicted, CallerAttributes::maleProbability);
        double[] pBeard = values(predicted, CallerAttributes::facialHairProbability);
        boolean[] male = new boolean[n];
        boolean[] beard = new boolean[n];
        int[] length = new int[n];
        int[] shape = new int[n];
        double[][] lengthP = new double[n][];
        double[][] shapeP = new double[n][];
        int sexRight = 0;
        int lengthRight = 0;
        int shapeRight = 0;
        int within1 = 0;
        int within2 = 0;
        int skinRight = 0;
        for (int i = 0; i < n; i++) {
            CallerAttributes p = predicted.get(i);
            AttributeTruth t = truth.get(i);
            male[i] = t.male();
            beard[i] = t.facialHair();
            length[i] = t.hairLength().ordinal();
            shape[i] = t.faceShape().ordinal();
            lengthP[i] = p.hairLength().stream().mapToDouble(Double::doubleValue).toArray();
            shapeP[i] = p.faceShape().stream().mapToDouble(Double::doubleValue).toArray();
            sexRight += (p.maleProbability() >= 0.5) == t.male() ? 1 : 0;
            lengthRight += p.likeliestHairLength() == t.hairLength() ? 1 : 0;
            shapeRight += p.likeliestFaceShape() == t.faceShape() ? 1 : 0;
            double ageError = Math.abs(p.ageYears() - t.ageYears());
            within1 += ageError <= p.ageSdYears() ? 1 : 0;
            within2 += ageError <= 2 * p.ageSdYears() ? 1 : 0;
            skinRight += SkinToneCategory.of(p.skinIta()) == SkinToneCategory.of(t.skinIta()) ? 1 : 0;
        }
        return new AttributeCalibration(n, (int) identity.stream().distinct().count(),
                ReliabilityTable.binary(pMale, male), (double) sexRight / n,
                ReliabilityTable.binary(pBeard, beard),
                ReliabilityTable.topLabel(lengthP, length), (double) lengthRight / n,
                ReliabilityTable.topLabel(shapeP, shape), (double) shapeRight / n,
                meanAbsoluteError(predicted, truth, CallerAttributes::ageYears, AttributeTruth::ageYears),
                Correlation.pearson(values(predicted, CallerAttributes::ageYears),
                        truth.stream().mapToDouble(AttributeTruth::ageYears).toArray()),
                (double) within1 / n, (double) within2 / n, oracleAgeMae,
                meanAbsoluteError(predicted, truth, CallerAttributes::greyShare, AttributeTruth::greyShare),
                meanAbsoluteError(predicted, truth, CallerAttributes::skinIta, AttributeTruth::skinIta),
                (double) skinRight / n);
    }

    /** The figures for {@code model.json}, prefixed {@code attribute_}. */
    public Map<String, Double> metrics() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("attribute_sex_ece", sex.ece());
        m.put("attribute_sex_accuracy", sexAccuracy);
        m.put("attribute_facial_hair_ece", facialHair.ece());
        m.put("attribute_hair_length_ece", hairLength.ece());
        m.put("attribute_hair_length_accuracy", hairLengthAccuracy);
        m.put("attribute_face_shape_ece", faceShape.ece());
        m.put("attribute_face_shape_accuracy", faceShapeAccuracy);
        m.put("attribute_age_mae", ageMae);
        m.put("attribute_age_r", age.r());
        m.put("attribute_age_within_1sd", ageWithinOneSd);
        oracleAgeMae.ifPresent(v -> m.put("oracle_age_mae", v));
        m.put("attribute_grey_mae", greyMae);
        m.put("attribute_skin_ita_mae", skinItaMae);
        m.put("attribute_skin_category_agreement", skinCategory);
        return m;
    }

    /** The report.md section: a summary and each reliability table. */
    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "## Caller attributes from 6 s of speech (%d clips of %d held-out "
                + "identities)%n%n", clips, identities));
        md.append("The heads read the face feature predicted from each clip; they were fitted on the training "
                + "identities' true face features and calibrated on the validation identities' speech.\n\n");
        md.append("| attribute | figure |\n|---|---|\n");
        row(md, "sex: accuracy, ECE", String.format(Locale.ROOT, "%.1f %%, %.3f", 100 * sexAccuracy, sex.ece()));
        row(md, "facial hair: ECE", String.format(Locale.ROOT, "%.3f", facialHair.ece()));
        row(md, "hair length (" + HairLength.values().length + " classes): accuracy, top-label ECE",
                String.format(Locale.ROOT, "%.1f %%, %.3f", 100 * hairLengthAccuracy, hairLength.ece()));
        row(md, "face shape (" + FaceShapeClass.values().length + " classes): accuracy, top-label ECE",
                String.format(Locale.ROOT, "%.1f %%, %.3f", 100 * faceShapeAccuracy, faceShape.ece()));
        row(md, "age: MAE (years), r", String.format(Locale.ROOT, "%.1f, %.3f +- %.3f", ageMae, age.r(),
                age.standardError()));
        oracleAgeMae.ifPresent(v -> row(md, "age: the voice-trait oracle's MAE (years)", String.format(Locale.ROOT,
                "%.1f", v)));
        row(md, "age: true age within 1 / 2 stated sd", String.format(Locale.ROOT, "%.1f %% / %.1f %%",
                100 * ageWithinOneSd, 100 * ageWithinTwoSd));
        row(md, "grey share: MAE", String.format(Locale.ROOT, "%.3f", greyMae));
        row(md, "skin tone: ITA MAE (degrees), class agreement", String.format(Locale.ROOT, "%.1f, %.1f %%", skinItaMae,
                100 * skinCategory));
        md.append('\n');
        table(md, "P(male)", sex);
        table(md, "P(facial hair)", facialHair);
        table(md, "hair length, probability of the likeliest class", hairLength);
        table(md, "face shape, probability of the likeliest class", faceShape);
        return md.toString();
    }

    private static void row(StringBuilder md, String name, String value) {
        md.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }

    private static void table(StringBuilder md, String title, ReliabilityTable table) {
        md.append(String.format(Locale.ROOT, "Reliability, %s (ECE %.3f):%n%n", title, table.ece()));
        md.append("| stated | clips | mean stated | observed |\n|---|---|---|---|\n");
        for (ReliabilityTable.Bin b : table.bins()) {
            md.append(String.format(Locale.ROOT, "| %.1f-%.1f | %d | %.3f | %.3f |%n", b.from(), b.to(), b.count(),
                    b.stated(), b.observed()));
        }
        md.append('\n');
    }

    private static double[] values(List<CallerAttributes> predicted, ToDoubleFunction<CallerAttributes> value) {
        return predicted.stream().mapToDouble(value).toArray();
    }

    private static double meanAbsoluteError(List<CallerAttributes> predicted, List<AttributeTruth> truth,
            ToDoubleFunction<CallerAttributes> stated, ToDoubleFunction<AttributeTruth> actual) {
        double sum = 0;
        for (int i = 0; i < predicted.size(); i++) {
            sum += Math.abs(stated.applyAsDouble(predicted.get(i)) - actual.applyAsDouble(truth.get(i)));
        }
        return sum / predicted.size();
    }
}
