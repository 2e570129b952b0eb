package io.callface.trainer.eval;

import io.callface.trainer.synth.HairLength;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleFunction;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The speech2cartoon heads: small linear read-outs of the face feature that give a UI a caller's attributes
 * ({@link CallerAttributes}). Each is fitted on the training identities' true face features {@code v_f} (one canonical
 * face per identity) and calibrated on the validation identities' features predicted from 6 s of speech
 * {@code v_s}, which is what the stream hands them:
 * <ul>
 *   <li>sex and facial hair: {@link LogisticRegression}, then Platt-scaled on the validation speech features
 *       ({@code sigmoid(a logit + b)}, Platt 1999: features predicted from speech are shrunk towards the mean, which
 *       moves a binary head's offset as well as its scale); hair length and face shape: {@link SoftmaxRegression},
 *       then temperature-scaled ({@link TemperatureScaling});</li>
 *   <li>age, grey share and skin tone (ITA): {@link RidgeRegression}, then a straight line fitted by least squares
 *       from its prediction on the validation speech features to the truth (features predicted from speech are
 *       shrunk towards the mean, and the line undoes that); age's uncertainty is the residual standard deviation
 *       there.</li>
 * </ul>
 * The L2 penalty of each head is chosen from {@link AttributeClassifiers#PENALTIES} by its calibrated log-loss (or
 * mean absolute error) on the same validation features. The test split is never seen.
 */
public final class AttributeHeads {
    /** A token L2 penalty on the Platt slope, which keeps it finite when a validation set is separable. */
    private static final double PLATT_PENALTY = 1e-4;

    private final Standardiser standardiser;
    private final Binary sex;
    private final Binary facialHair;
    private final Classes hairLength;
    private final Classes faceShape;
    private final Regression age;
    private final Regression grey;
    private final Regression skin;

    private AttributeHeads(Standardiser standardiser, Binary sex, Binary facialHair, Classes hairLength,
            Classes faceShape, Regression age, Regression grey, Regression skin) {
        this.standardiser = standardiser;
        this.sex = sex;
        this.facialHair = facialHair;
        this.hairLength = hairLength;
        this.faceShape = faceShape;
        this.age = age;
        this.grey = grey;
        this.skin = skin;
    }

    /**
     * Fits on {@code faceFeatures} of training identities with their truths and calibrates on {@code speechFeatures}
     * of validation clips with theirs; both sexes, and both with and without facial hair, must occur in each.
     */
    public static AttributeHeads fit(List<float[]> faceFeatures, List<AttributeTruth> faceTruth,
            List<float[]> speechFeatures, List<AttributeTruth> speechTruth) {
        if (faceFeatures.size() != faceTruth.size() || speechFeatures.size() != speechTruth.size()
                || faceFeatures.isEmpty() || speechFeatures.isEmpty()) {
            throw new IllegalArgumentException("features and truths must be non-empty and of equal count: "
                    + faceFeatures.size() + "/" + faceTruth.size() + " face, " + speechFeatures.size() + "/"
                    + speechTruth.size() + " speech");
        }
        Standardiser standardiser = Standardiser.fit(faceFeatures.toArray(float[][]::new));
        Labelled train = new Labelled(faceFeatures.stream().map(standardiser::apply).toArray(float[][]::new), faceTruth);
        Labelled val = new Labelled(speechFeatures.stream().map(standardiser::apply).toArray(float[][]::new),
                speechTruth);
        double minAge = faceTruth.stream().mapToDouble(AttributeTruth::ageYears).min().orElseThrow();
        double maxAge = faceTruth.stream().mapToDouble(AttributeTruth::ageYears).max().orElseThrow();
        return new AttributeHeads(standardiser,
                Binary.fit(train, val, AttributeTruth::male),
                Binary.fit(train, val, AttributeTruth::facialHair),
                Classes.fit(train, val, t -> t.hairLength().ordinal(), HairLength.values().length),
                Classes.fit(train, val, t -> t.faceShape().ordinal(), FaceShapeClass.values().length),
                Regression.fit(train, val, AttributeTruth::ageYears, minAge, maxAge),
                Regression.fit(train, val, AttributeTruth::greyShare, 0, 1),
                Regression.fit(train, val, AttributeTruth::skinIta, -90, 90));
    }

    /** The attributes of the caller whose face feature (true or predicted from speech) is {@code feature}. */
    public CallerAttributes predict(float[] feature) {
        float[] z = standardiser.apply(feature);
        return new CallerAttributes(sex.probability(z), age.predict(z), age.residualSd, grey.predict(z),
                boxed(hairLength.probabilities(z)), facialHair.probability(z), skin.predict(z),
                boxed(faceShape.probabilities(z)));
    }

    private static List<Double> boxed(double[] values) {
        return Arrays.stream(values).boxed().toList();
    }

    /** Rows and their truths. */
    private record Labelled(float[][] rows, List<AttributeTruth> truth) {
        boolean[] flags(Function<AttributeTruth, Boolean> flag) {
            boolean[] out = new boolean[rows.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = flag.apply(truth.get(i));
            }
            return out;
        }

        int[] classes(ToDoubleFunction<AttributeTruth> label) {
            return truth.stream().mapToInt(t -> (int) label.applyAsDouble(t)).toArray();
        }

        double[] values(ToDoubleFunction<AttributeTruth> value) {
            return truth.stream().mapToDouble(value).toArray();
        }
    }

    /** A logistic head with its Platt scaling. */
    private record Binary(LogisticRegression model, LogisticRegression platt) {
        static Binary fit(Labelled train, Labelled val, Function<AttributeTruth, Boolean> flag) {
            boolean[] y = train.flags(flag);
            boolean[] yVal = val.flags(flag);
            return best(p -> {
                LogisticRegression m = LogisticRegression.fit(train.rows(), y, p, AttributeClassifiers.ITERATIONS);
                float[][] logits = Arrays.stream(val.rows()).map(r -> new float[] {(float) logit(m.probability(r))})
                        .toArray(float[][]::new);
                return new Binary(m, LogisticRegression.fit(logits, yVal, PLATT_PENALTY, AttributeClassifiers.ITERATIONS));
            }, head -> logLoss(head, val.rows(), yVal));
        }

        double probability(float[] z) {
            return platt.probability(new float[] {(float) logit(model.probability(z))});
        }

        private static double logit(double p) {
            double q = Math.max(1e-12, Math.min(1 - 1e-12, p));
            return Math.log(q / (1 - q));
        }

        private static double logLoss(Binary head, float[][] rows, boolean[] y) {
            double loss = 0;
            for (int i = 0; i < rows.length; i++) {
                double p = Math.max(1e-12, Math.min(1 - 1e-12, head.probability(rows[i])));
                loss -= Math.log(y[i] ? p : 1 - p);
            }
            return loss / rows.length;
        }
    }

    /** A softmax head with its temperature. */
    private record Classes(SoftmaxRegression model, double temperature) {
        static Classes fit(Labelled train, Labelled val, ToDoubleFunction<AttributeTruth> label, int classes) {
            int[] y = train.classes(label);
            int[] yVal = val.classes(label);
            return best(p -> {
                SoftmaxRegression m = SoftmaxRegression.fit(train.rows(), y, classes, p, AttributeClassifiers.ITERATIONS);
                double[][] logits = Arrays.stream(val.rows()).map(r -> logits(m, r)).toArray(double[][]::new);
                return new Classes(m, TemperatureScaling.multiclass(logits, yVal));
            }, head -> {
                double loss = 0;
                for (int i = 0; i < yVal.length; i++) {
                    loss -= Math.log(Math.max(1e-12, head.probabilities(val.rows()[i])[yVal[i]]));
                }
                return loss / yVal.length;
            });
        }

        double[] probabilities(float[] z) {
            return TemperatureScaling.softmax(logits(model, z), temperature);
        }

        private static double[] logits(SoftmaxRegression model, float[] z) {
            return Arrays.stream(model.probabilities(z)).map(p -> Math.log(Math.max(1e-12, p))).toArray();
        }
    }

    /** A ridge head with its recalibration line and residual spread on the validation speech features. */
    private record Regression(RidgeRegression model, double intercept, double slope, double residualSd, double min,
                              double max) {
        static Regression fit(Labelled train, Labelled val, ToDoubleFunction<AttributeTruth> value, double min,
                double max) {
            double[] y = train.values(value);
            double[] yVal = val.values(value);
            return best(p -> {
                RidgeRegression m = RidgeRegression.fit(train.rows(), y, p, AttributeClassifiers.ITERATIONS);
                double[] raw = Arrays.stream(val.rows()).mapToDouble(m::predict).toArray();
                double[] line = leastSquaresLine(raw, yVal);
                double squares = 0;
                for (int i = 0; i < raw.length; i++) {
                    double residual = yVal[i] - (line[0] + line[1] * raw[i]);
                    squares += residual * residual;
                }
                return new Regression(m, line[0], line[1], Math.sqrt(squares / raw.length), min, max);
            }, head -> {
                double error = 0;
                for (int i = 0; i < yVal.length; i++) {
                    error += Math.abs(head.predict(val.rows()[i]) - yVal[i]);
                }
                return error / yVal.length;
            });
        }

        double predict(float[] z) {
            return Math.max(min, Math.min(max, intercept + slope * model.predict(z)));
        }

        /** {@code {a, b}} of the least-squares line {@code y = a + b x}; slope 0 when {@code x} is constant. */
        private static double[] leastSquaresLine(double[] x, double[] y) {
            double mx = Arrays.stream(x).average().orElseThrow();
            double my = Arrays.stream(y).average().orElseThrow();
            double sxy = 0;
            double sxx = 0;
            for (int i = 0; i < x.length; i++) {
                sxy += (x[i] - mx) * (y[i] - my);
                sxx += (x[i] - mx) * (x[i] - mx);
            }
            double slope = sxx > 0 ? sxy / sxx : 0;
            return new double[] {my - slope * mx, slope};
        }
    }

    /** The head with the lowest validation loss over the penalties tried. */
    private static <H> H best(DoubleFunction<H> fit, ToDoubleFunction<H> validationLoss) {
        H best = null;
        double bestLoss = Double.POSITIVE_INFINITY;
        for (double penalty : AttributeClassifiers.PENALTIES) {
            H head = fit.apply(penalty);
            double loss = validationLoss.applyAsDouble(head);
            if (best == null || loss < bestLoss) {
                best = head;
                bestLoss = loss;
            }
        }
        return best;
    }
}
