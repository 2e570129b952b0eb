package io.callface.trainer.eval;

import io.callface.model.ModelContract;
import io.callface.trainer.synth.Ancestry;
import io.callface.trainer.synth.CorpusClip;
import io.callface.trainer.synth.CorpusManifest;
import io.callface.trainer.synth.JudgeFaces;
import io.callface.trainer.synth.Sex;
import io.callface.trainer.synth.Split;
import io.callface.trainer.train.PackedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.DoubleFunction;
import java.util.function.ToDoubleBiFunction;

/**
 * The evaluation's face-attribute classifiers, in the role of the commercial Face++ of the paper's section 5:
 * fitted on true face images only: the training identities' (the canonical face and every further rendering in
 * {@code renderings.csv}, so they judge a face under small changes of pose and light) and, when the corpus has a
 * judge set ({@link JudgeFaces}), those of people outside the corpus, as Face++ learned from people the paper never
 * used. They are independent of the networks being evaluated and never see a test identity. Each reads the fixed
 * {@link ImageDescriptor}, standardised on the training images:
 *
 * <ul>
 *   <li>sex: {@link LogisticRegression}, probability of male;</li>
 *   <li>age in years: {@link RidgeRegression}, clamped to the training identities' age range;</li>
 *   <li>ancestry group: {@link SoftmaxRegression} over {@link Ancestry}.</li>
 * </ul>
 *
 * The L2 penalty of each is chosen from {@link #PENALTIES} by its own figure on the validation identities'
 * canonical faces (sex accuracy, age mean absolute error, ancestry accuracy) when the corpus has any, otherwise
 * {@link #DEFAULT_PENALTY}; the test split is never seen.
 */
public final class AttributeClassifiers {
    /** L-BFGS steps per fit. */
    public static final int ITERATIONS = 150;
    /** Stop a fit when no gradient component is larger than this. */
    static final double TOLERANCE = 1e-5;
    /** The L2 penalties tried, in units of the mean loss over standardised descriptors. */
    public static final List<Double> PENALTIES = List.of(1e-3, 1e-2, 1e-1, 1.0);
    public static final double DEFAULT_PENALTY = 1e-2;

    private final int imageSize;
    private final int trainingImages;
    private final Standardiser standardiser;
    private final LogisticRegression sex;
    private final RidgeRegression age;
    private final SoftmaxRegression ancestry;
    private final double minAge;
    private final double maxAge;
    private final Map<String, Double> penalties;

    private AttributeClassifiers(int imageSize, int trainingImages, Standardiser standardiser, LogisticRegression sex,
            RidgeRegression age, SoftmaxRegression ancestry, double minAge, double maxAge, Map<String, Double> penalties) {
        this.imageSize = imageSize;
        this.trainingImages = trainingImages;
        this.standardiser = standardiser;
        this.sex = sex;
        this.age = age;
        this.ancestry = ancestry;
        this.minAge = minAge;
        this.maxAge = maxAge;
        this.penalties = Map.copyOf(penalties);
    }

    /**
     * Fits on the training identities of {@code corpus} at {@code size} x {@code size}; empty when
     * {@code identities.csv} does not give every training identity's traits or only one sex occurs.
     */
    public static Optional<AttributeClassifiers> fit(CorpusManifest corpus, int size) {
        Optional<LabelledFaces> train = faces(corpus, Split.TRAIN, size, true)
                .map(t -> t.plus(judgeFaces(corpus, size)));
        if (train.isEmpty() || train.get().labels().stream().map(AttributeJudgement::sex).distinct().count() < 2) {
            return Optional.empty();
        }
        return Optional.of(fit(train.get(), faces(corpus, Split.VAL, size, false), size));
    }

    /**
     * Fits on {@code images} ({@code [3, size, size]} in [0, 1]) with their identities' true attributes
     * ({@link AttributeJudgement#truth}), with the default penalty.
     */
    public static AttributeClassifiers fit(List<float[]> images, List<AttributeJudgement> labels, int size) {
        return fit(new LabelledFaces(images.stream().map(i -> ImageDescriptor.of(i, size, size)).toList(), labels),
                Optional.empty(), size);
    }

    private static AttributeClassifiers fit(LabelledFaces train, Optional<LabelledFaces> validation, int size) {
        if (train.descriptors().isEmpty() || train.descriptors().size() != train.labels().size()) {
            throw new IllegalArgumentException("images (" + train.descriptors().size() + ") and labels ("
                    + train.labels().size() + ") must be non-empty and of equal count");
        }
        Standardiser standardiser = Standardiser.fit(train.descriptors().toArray(float[][]::new));
        float[][] x = train.standardised(standardiser);
        List<AttributeJudgement> t = train.labels();
        int n = x.length;
        boolean[] male = new boolean[n];
        double[] years = new double[n];
        int[] group = new int[n];
        for (int i = 0; i < n; i++) {
            male[i] = t.get(i).sex() == Sex.MALE;
            years[i] = t.get(i).ageYears();
            group[i] = t.get(i).ancestry().ordinal();
        }
        double minAge = t.stream().mapToDouble(AttributeJudgement::ageYears).min().orElseThrow();
        double maxAge = t.stream().mapToDouble(AttributeJudgement::ageYears).max().orElseThrow();
        Optional<float[][]> valX = validation.map(v -> v.standardised(standardiser));
        List<AttributeJudgement> validationLabels = validation.map(LabelledFaces::labels).orElse(List.of());
        Map<String, Double> chosen = new LinkedHashMap<>();

        LogisticRegression sex = select("sex", chosen, valX, p -> LogisticRegression.fit(x, male, p, ITERATIONS),
                (m, v) -> -fraction(v, validationLabels,
                        (row, label) -> (m.probability(row) >= 0.5) == (label.sex() == Sex.MALE)));
        RidgeRegression age = select("age", chosen, valX, p -> RidgeRegression.fit(x, years, p, ITERATIONS),
                (m, v) -> meanAbsoluteError(m, v, validationLabels, minAge, maxAge));
        SoftmaxRegression ancestry = select("ancestry", chosen, valX,
                p -> SoftmaxRegression.fit(x, group, Ancestry.values().length, p, ITERATIONS),
                (m, v) -> -fraction(v, validationLabels, (row, label) -> m.predict(row) == label.ancestry().ordinal()));
        return new AttributeClassifiers(size, n, standardiser, sex, age, ancestry, minAge, maxAge, chosen);
    }

    /** Reads one face image {@code [3, size, size]} in [0, 1]. */
    public AttributeJudgement judge(float[] image) {
        float[] z = standardiser.apply(ImageDescriptor.of(image, imageSize, imageSize));
        double years = Math.max(minAge, Math.min(maxAge, age.predict(z)));
        return new AttributeJudgement(sex.probability(z), years, Ancestry.values()[ancestry.predict(z)]);
    }

    /** The face size the classifiers read. */
    public int imageSize() {
        return imageSize;
    }

    /** Images they were fitted on (canonical faces and renderings). */
    public int trainingImages() {
        return trainingImages;
    }

    /** The L2 penalty of each classifier ({@code sex}, {@code age}, {@code ancestry}). */
    public Map<String, Double> penalties() {
        return penalties;
    }

    /** Fits with each penalty and keeps the model with the lowest validation loss; the default without validation. */
    private static <M> M select(String name, Map<String, Double> chosen, Optional<float[][]> validation,
            DoubleFunction<M> fit, ToDoubleBiFunction<M, float[][]> loss) {
        if (validation.isEmpty()) {
            chosen.put(name, DEFAULT_PENALTY);
            return fit.apply(DEFAULT_PENALTY);
        }
        // The fits are independent and single-threaded: one per core.
        List<M> models = PENALTIES.parallelStream().map(fit::apply).toList();
        M best = null;
        double bestLoss = Double.POSITIVE_INFINITY;
        for (int i = 0; i < models.size(); i++) {
            double value = loss.applyAsDouble(models.get(i), validation.get());
            if (value < bestLoss) {
                best = models.get(i);
                bestLoss = value;
                chosen.put(name, PENALTIES.get(i));
            }
        }
        return best;
    }

    private static double fraction(float[][] rows, List<AttributeJudgement> labels,
            BiPredicate<float[], AttributeJudgement> correct) {
        int hits = 0;
        for (int i = 0; i < rows.length; i++) {
            hits += correct.test(rows[i], labels.get(i)) ? 1 : 0;
        }
        return (double) hits / rows.length;
    }

    private static double meanAbsoluteError(RidgeRegression model, float[][] rows, List<AttributeJudgement> labels,
            double minAge, double maxAge) {
        double sum = 0;
        for (int i = 0; i < rows.length; i++) {
            sum += Math.abs(Math.max(minAge, Math.min(maxAge, model.predict(rows[i]))) - labels.get(i).ageYears());
        }
        return sum / rows.length;
    }

    /**
     * The descriptors of {@code split}'s identities with their traits: each canonical face, and with
     * {@code renderings} every further image of {@code renderings.csv}; empty when the split has no identity or
     * one lacks traits.
     */
    private static Optional<LabelledFaces> faces(CorpusManifest corpus, Split split, int size, boolean renderings) {
        Map<String, Path> canonical = new LinkedHashMap<>();
        for (CorpusClip clip : corpus.clips(split)) {
            canonical.putIfAbsent(clip.identity(), clip.face());
        }
        if (canonical.isEmpty() || !canonical.keySet().stream().allMatch(id -> corpus.identity(id).isPresent())) {
            return Optional.empty();
        }
        List<float[]> descriptors = new ArrayList<>();
        List<AttributeJudgement> labels = new ArrayList<>();
        canonical.forEach((id, face) -> {
            AttributeJudgement truth = AttributeJudgement.truth(corpus.identity(id).orElseThrow().traits());
            List<Path> images = new ArrayList<>(List.of(face));
            if (renderings) {
                images.addAll(corpus.renderings(id));
            }
            for (Path image : images) {
                descriptors.add(descriptor(image, size));
                labels.add(truth);
            }
        });
        return Optional.of(new LabelledFaces(descriptors, labels));
    }

    /** The judge set's descriptors and traits; none when the corpus has no judge set. */
    private static LabelledFaces judgeFaces(CorpusManifest corpus, int size) {
        List<JudgeFaces.JudgeFace> faces;
        try {
            faces = JudgeFaces.read(corpus.dir()).map(JudgeFaces::faces).orElse(List.of());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the judge set of " + corpus.dir(), e);
        }
        List<float[]> descriptors = faces.parallelStream().map(face -> descriptor(face.image(), size)).toList();
        return new LabelledFaces(descriptors, faces.stream().map(f -> AttributeJudgement.truth(f.traits())).toList());
    }

    private static float[] descriptor(Path image, int size) {
        float[] pixels = new float[ModelContract.IMAGE_CHANNELS * size * size];
        PackedImage.read(image, size).copyTo(pixels, 0);
        return ImageDescriptor.of(pixels, size, size);
    }

    /** Descriptors and the true attributes of their identities, in the same order. */
    private record LabelledFaces(List<float[]> descriptors, List<AttributeJudgement> labels) {
        LabelledFaces plus(LabelledFaces more) {
            List<float[]> descriptors = new ArrayList<>(descriptors());
            descriptors.addAll(more.descriptors());
            List<AttributeJudgement> labels = new ArrayList<>(labels());
            labels.addAll(more.labels());
            return new LabelledFaces(descriptors, labels);
        }

        float[][] standardised(Standardiser standardiser) {
            return descriptors.stream().map(standardiser::apply).toArray(float[][]::new);
        }
    }
}
