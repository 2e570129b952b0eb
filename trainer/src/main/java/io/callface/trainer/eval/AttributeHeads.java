package io.callface.trainer.eval;

import io.callface.model.AttributeContract;
import io.callface.model.ModelContract;
import io.callface.trainer.synth.CorpusClip;
import io.callface.trainer.synth.CorpusManifest;
import io.callface.trainer.synth.HairLength;
import io.callface.trainer.synth.Split;
import io.callface.trainer.train.FaceSample;
import io.callface.trainer.train.SpectrogramCache;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /** The ITA range a skin colour can have: atan2 of L* - 50 over b* lies within +-90 degrees. */
    private static final double MAX_ITA = 90;

    private final List<AttributeReadout> readouts;

    private AttributeHeads(List<AttributeReadout> readouts) {
        this.readouts = List.copyOf(readouts);
    }

    /**
     * Fits on {@code corpus}: the face encoder of {@code extractor} reads each training identity's canonical face at
     * {@code imageSize}, its voice encoder the first 6 s of each validation clip. Empty when {@code identities.csv}
     * lacks an identity of the corpus, there are no validation clips, or sex or facial hair takes one value only
     * among the training identities or among the validation clips (a binary head can be neither fitted nor
     * calibrated on one class).
     */
    public static Optional<AttributeHeads> fitOn(CorpusManifest corpus, OnnxFeatureExtractor extractor, int imageSize) {
        List<CorpusClip> validation = corpus.clips(Split.VAL);
        boolean labelled = corpus.clips().stream().allMatch(c -> corpus.identity(c.identity()).isPresent());
        if (!labelled || validation.isEmpty()) {
            return Optional.empty();
        }
        Map<String, CorpusClip> training = new LinkedHashMap<>();
        corpus.clips(Split.TRAIN).forEach(c -> training.putIfAbsent(c.identity(), c));
        List<AttributeTruth> faceTruth = training.keySet().stream().map(id -> truth(corpus, id)).toList();
        List<AttributeTruth> validationTruth = validation.stream().map(c -> truth(corpus, c.identity())).toList();
        if (!fittable(faceTruth, validationTruth)) {
            return Optional.empty();
        }
        List<float[]> faces = new ArrayList<>();
        for (CorpusClip clip : training.values()) {
            FaceSample face = FaceSample.load(clip, imageSize);
            float[] pixels = new float[ModelContract.IMAGE_CHANNELS * imageSize * imageSize];
            face.copyImage(pixels, 0);
            faces.add(extractor.faceFeature(pixels));
        }
        SpectrogramCache spectrograms = new SpectrogramCache(0);
        List<float[]> speech = new ArrayList<>();
        for (CorpusClip clip : validation) {
            speech.add(extractor.voiceFeature(spectrograms.sixSeconds(clip.audio())));
        }
        return Optional.of(fit(faces, faceTruth, speech, validationTruth));
    }

    /**
     * {@link #fit} on features computed by the caller, when {@link #fittable}: for an evaluation that has the training
     * faces' and validation clips' features at hand already.
     */
    public static Optional<AttributeHeads> fitIfFittable(List<float[]> faceFeatures, List<AttributeTruth> faceTruth,
            List<float[]> speechFeatures, List<AttributeTruth> speechTruth) {
        return fittable(faceTruth, speechTruth)
                ? Optional.of(fit(faceFeatures, faceTruth, speechFeatures, speechTruth)) : Optional.empty();
    }

    /** Whether both sexes, and both with and without facial hair, occur among the faces and among the clips. */
    private static boolean fittable(List<AttributeTruth> faceTruth, List<AttributeTruth> speechTruth) {
        return !faceTruth.isEmpty() && !speechTruth.isEmpty() && !oneValued(faceTruth) && !oneValued(speechTruth);
    }

    /** Whether sex or facial hair takes one value only among {@code truths}. */
    private static boolean oneValued(List<AttributeTruth> truths) {
        return truths.stream().map(AttributeTruth::male).distinct().count() < 2
                || truths.stream().map(AttributeTruth::facialHair).distinct().count() < 2;
    }

    private static AttributeTruth truth(CorpusManifest corpus, String identity) {
        return AttributeTruth.of(corpus.identity(identity).orElseThrow().traits());
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
        Regression age = Regression.fit(train, val, AttributeTruth::ageYears);
        int inputs = faceFeatures.get(0).length;
        return new AttributeHeads(List.of(
                AttributeReadout.sigmoid(AttributeContract.MALE_PROBABILITY, Binary.fit(train, val, AttributeTruth::male).map(standardiser)),
                AttributeReadout.clip(AttributeContract.AGE_YEARS, age.map(standardiser), minAge, maxAge),
                AttributeReadout.clip(AttributeContract.AGE_SD_YEARS, constant(inputs, age.residualSd()), 0, maxAge),
                AttributeReadout.clip(AttributeContract.GREY_SHARE, Regression.fit(train, val, AttributeTruth::greyShare).map(standardiser), 0, 1),
                AttributeReadout.softmax(AttributeContract.HAIR_LENGTH, Classes.fit(train, val, t -> t.hairLength().ordinal(),
                        HairLength.values().length).map(standardiser)),
                AttributeReadout.sigmoid(AttributeContract.FACIAL_HAIR_PROBABILITY,
                        Binary.fit(train, val, AttributeTruth::facialHair).map(standardiser)),
                AttributeReadout.clip(AttributeContract.SKIN_ITA, Regression.fit(train, val, AttributeTruth::skinIta).map(standardiser),
                        -MAX_ITA, MAX_ITA),
                AttributeReadout.softmax(AttributeContract.FACE_SHAPE, Classes.fit(train, val, t -> t.faceShape().ordinal(),
                        FaceShapeClass.values().length).map(standardiser))));
    }

    /** The outputs as affine maps of the raw face feature with their activations, for export. */
    public List<AttributeReadout> readouts() {
        return readouts;
    }

    /** The attributes of the caller whose face feature (true or predicted from speech) is {@code feature}. */
    public CallerAttributes predict(float[] feature) {
        List<double[]> y = readouts.stream().map(r -> r.apply(feature)).toList();
        return new CallerAttributes(y.get(0)[0], y.get(1)[0], y.get(2)[0], y.get(3)[0], boxed(y.get(4)), y.get(5)[0],
                y.get(6)[0], boxed(y.get(7)));
    }

    private static Affine constant(int inputs, double value) {
        return new Affine(new double[1][inputs], new double[] {value});
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

        /** The calibrated logit {@code a (w.x + b) + c} on raw features. */
        Affine map(Standardiser standardiser) {
            Affine scale = platt.logit();
            return standardiser.beneath(model.logit()).then(scale.weights()[0][0], scale.bias()[0]);
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

        /** The class scores over the temperature on raw features (softmax ignores the log-sum-exp shift). */
        Affine map(Standardiser standardiser) {
            return standardiser.beneath(model.scores()).then(1 / temperature, 0);
        }

        private static double[] logits(SoftmaxRegression model, float[] z) {
            return Arrays.stream(model.probabilities(z)).map(p -> Math.log(Math.max(1e-12, p))).toArray();
        }
    }

    /** A ridge head with its recalibration line and residual spread on the validation speech features. */
    private record Regression(RidgeRegression model, double intercept, double slope, double residualSd) {
        static Regression fit(Labelled train, Labelled val, ToDoubleFunction<AttributeTruth> value) {
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
                return new Regression(m, line[0], line[1], Math.sqrt(squares / raw.length));
            }, head -> {
                double error = 0;
                for (int i = 0; i < yVal.length; i++) {
                    error += Math.abs(head.predict(val.rows()[i]) - yVal[i]);
                }
                return error / yVal.length;
            });
        }

        double predict(float[] z) {
            return intercept + slope * model.predict(z);
        }

        /** The recalibrated prediction on raw features. */
        Affine map(Standardiser standardiser) {
            return standardiser.beneath(model.prediction()).then(slope, intercept);
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
