package io.callface.trainer.eval;

import io.callface.stream.model.ModelContract;
import io.callface.trainer.onnx.ModelDirectory;
import io.callface.trainer.synth.CorpusClip;
import io.callface.trainer.synth.CorpusFormatException;
import io.callface.trainer.synth.CorpusManifest;
import io.callface.trainer.synth.Identity;
import io.callface.trainer.synth.IdentityTraits;
import io.callface.trainer.synth.Sex;
import io.callface.trainer.synth.Split;
import io.callface.trainer.train.FaceSample;
import io.callface.trainer.train.SpectrogramCache;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates an exported model directory on a corpus's test split, running the ONNX files themselves: true
 * features {@code v_f} from the face encoder, predictions {@code v_s} from the voice encoder on 6 s and on
 * 3 s of each clip, faces from the decoder.
 */
public final class Evaluator {
    /** Test identities shown in the Figure-3 grid. */
    public static final int EXAMPLES = 8;

    private Evaluator() {
    }

    /** Evaluates {@code model} on the test split of {@code corpus}; throws {@link CorpusFormatException} when it is empty. */
    public static EvaluationReport evaluate(CorpusManifest corpus, ModelDirectory model) {
        List<CorpusClip> clips = corpus.clips(Split.TEST);
        if (clips.isEmpty()) {
            throw new CorpusFormatException("corpus " + corpus.dir() + ": the test split is empty");
        }
        int size = model.manifest().imageHeight();
        // Each test clip is used once per length: caching would only hold memory.
        SpectrogramCache spectrograms = new SpectrogramCache(0);
        try (OnnxFeatureExtractor extractor = new OnnxFeatureExtractor(model);
                OnnxFaceDecoder decoder = new OnnxFaceDecoder(model)) {
            Map<String, FaceSample> testFaces = faces(clips, size);
            List<float[]> gallery = new ArrayList<>();
            Map<String, Integer> galleryIndex = new HashMap<>();
            testFaces.forEach((id, face) -> {
                galleryIndex.put(id, gallery.size());
                gallery.add(extractor.faceFeature(pixels(face)));
            });
            Optional<TrainingFaces> training = trainingFaces(corpus, extractor, size);
            Optional<SexClassifier> classifier = training.flatMap(TrainingFaces::sexClassifier);
            Optional<OracleRecall> oracle = training.flatMap(t -> t.oracleRecall(corpus,
                    List.copyOf(testFaces.keySet()), gallery));
            Accumulator six = new Accumulator(gallery);
            Accumulator three = new Accumulator(gallery);
            int featureAgree = 0;
            int reconstructionAgree = 0;
            Map<String, float[]> firstSpeechFeature = new LinkedHashMap<>();
            for (CorpusClip clip : clips) {
                int truth = galleryIndex.get(clip.identity());
                float[] vs = extractor.voiceFeature(spectrograms.sixSeconds(clip.audio()));
                six.add(vs, truth);
                three.add(extractor.voiceFeature(spectrograms.threeSeconds(clip.audio())), truth);
                firstSpeechFeature.putIfAbsent(clip.identity(), vs);
                if (classifier.isPresent()) {
                    boolean trueClass = classifier.get().isMale(gallery.get(truth));
                    featureAgree += classifier.get().isMale(vs) == trueClass ? 1 : 0;
                    float[] reEncoded = extractor.faceFeature(decoder.image(vs));
                    reconstructionAgree += classifier.get().isMale(reEncoded) == trueClass ? 1 : 0;
                }
            }
            Optional<SexAgreement> sex = Optional.empty();
            if (classifier.isPresent()) {
                int correct = 0;
                for (Map.Entry<String, Integer> e : galleryIndex.entrySet()) {
                    boolean male = corpus.identity(e.getKey()).orElseThrow().traits().sex() == Sex.MALE;
                    correct += classifier.get().isMale(gallery.get(e.getValue())) == male ? 1 : 0;
                }
                sex = Optional.of(new SexAgreement((double) correct / gallery.size(),
                        (double) featureAgree / clips.size(), (double) reconstructionAgree / clips.size()));
            }
            List<FaceExample> examples = new ArrayList<>();
            for (String id : testFaces.keySet().stream().limit(EXAMPLES).toList()) {
                examples.add(new FaceExample(id, FaceExample.toImage(pixels(testFaces.get(id)), size),
                        FaceExample.toImage(decoder.image(gallery.get(galleryIndex.get(id))), size),
                        FaceExample.toImage(decoder.image(firstSpeechFeature.get(id)), size)));
            }
            return new EvaluationReport(clips.size(), gallery.size(), six.similarity(), three.similarity(),
                    six.recall(), three.recall(), six.curve(), three.curve(), sex, oracle, examples);
        }
    }

    /**
     * The training identities' true face features with their traits, when {@code identities.csv} gives the
     * traits of every training and test identity; empty otherwise (e.g. a real corpus).
     */
    private static Optional<TrainingFaces> trainingFaces(CorpusManifest corpus, OnnxFeatureExtractor extractor, int size) {
        boolean labelled = corpus.clips().stream().allMatch(c -> corpus.identity(c.identity()).isPresent());
        if (!labelled || corpus.clips(Split.TRAIN).isEmpty()) {
            return Optional.empty();
        }
        List<float[]> features = new ArrayList<>();
        List<IdentityTraits> traits = new ArrayList<>();
        faces(corpus.clips(Split.TRAIN), size).forEach((id, face) -> {
            features.add(extractor.faceFeature(pixels(face)));
            traits.add(corpus.identity(id).map(Identity::traits).orElseThrow());
        });
        return Optional.of(new TrainingFaces(features, traits));
    }

    /** True face features and traits of the training identities, in the same order. */
    private record TrainingFaces(List<float[]> features, List<IdentityTraits> traits) {
        /** The sex classifier of the paper's Table 4, when both sexes occur. */
        Optional<SexClassifier> sexClassifier() {
            List<Boolean> male = traits.stream().map(t -> t.sex() == Sex.MALE).toList();
            if (!male.contains(true) || !male.contains(false)) {
                return Optional.empty();
            }
            return Optional.of(SexClassifier.fit(features, male));
        }

        /**
         * Both oracle ceilings, one query per test identity ({@code galleryIds.get(i)} has the face feature
         * {@code gallery.get(i)}), when there are more training identities than the oracle has inputs.
         */
        Optional<OracleRecall> oracleRecall(CorpusManifest corpus, List<String> galleryIds, List<float[]> gallery) {
            if (traits.size() <= TraitOracle.INPUTS) {
                return Optional.empty();
            }
            List<IdentityTraits> test = galleryIds.stream().map(id -> corpus.identity(id).orElseThrow().traits()).toList();
            TraitOracle featureOracle = TraitOracle.fit(traits, features);
            ShapeFeatures shapes = new ShapeFeatures(traits.stream().map(IdentityTraits::face).toList());
            TraitOracle shapeOracle = TraitOracle.fit(traits, traits.stream().map(t -> shapes.of(t.face())).toList());
            return Optional.of(new OracleRecall(
                    OracleRecall.recall(test.stream().map(featureOracle::predict).toList(), gallery),
                    OracleRecall.recall(test.stream().map(shapeOracle::predict).toList(),
                            test.stream().map(t -> shapes.of(t.face())).toList())));
        }
    }

    /** One face per identity of {@code clips}, in first-appearance order. */
    private static Map<String, FaceSample> faces(List<CorpusClip> clips, int size) {
        Map<String, FaceSample> faces = new LinkedHashMap<>();
        for (CorpusClip clip : clips) {
            faces.computeIfAbsent(clip.identity(), id -> FaceSample.load(clip, size));
        }
        return faces;
    }

    private static float[] pixels(FaceSample face) {
        float[] image = new float[ModelContract.IMAGE_CHANNELS * face.size() * face.size()];
        face.copyImage(image, 0);
        return image;
    }

    /** Running sums of one audio length's figures. */
    private static final class Accumulator {
        private final List<float[]> gallery;
        private final List<Double> angles = new ArrayList<>();
        private final List<Integer> ranks = new ArrayList<>();
        private double l1;
        private double l2;

        Accumulator(List<float[]> gallery) {
            this.gallery = gallery;
        }

        void add(float[] predicted, int truth) {
            float[] actual = gallery.get(truth);
            angles.add(FeatureDistances.angleDegrees(predicted, actual));
            l1 += FeatureDistances.l1(predicted, actual);
            l2 += FeatureDistances.l2(predicted, actual);
            ranks.add(Retrieval.rank(predicted, gallery, truth));
        }

        Similarity similarity() {
            int n = angles.size();
            double mean = angles.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            double variance = angles.stream().mapToDouble(a -> (a - mean) * (a - mean)).sum() / n;
            return new Similarity(mean, Math.sqrt(variance), l1 / n, l2 / n);
        }

        double recallAt(int k) {
            return (double) ranks.stream().filter(r -> r <= k).count() / ranks.size();
        }

        Map<Integer, Double> recall() {
            Map<Integer, Double> recall = new HashMap<>();
            EvaluationReport.KS.forEach(k -> recall.put(k, recallAt(k)));
            return recall;
        }

        List<Double> curve() {
            List<Double> curve = new ArrayList<>();
            for (int k = 1; k <= Math.min(EvaluationReport.CURVE_MAX_K, gallery.size()); k++) {
                curve.add(recallAt(k));
            }
            return curve;
        }
    }
}
