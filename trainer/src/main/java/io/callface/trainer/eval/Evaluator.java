package io.callface.trainer.eval;

import io.callface.model.ModelContract;
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
 * 3 s of each clip, faces and landmarks from the decoder, and the {@link AttributeClassifiers} on the images.
 */
public final class Evaluator {
    /** Test identities shown in the Figure-3 grid. */
    public static final int EXAMPLES = 16;

    private Evaluator() {
    }

    /**
     * Evaluates {@code model} on the test split of {@code corpus}, fitting the attribute classifiers on the
     * corpus's training faces first; throws {@link CorpusFormatException} when the test split is empty.
     */
    public static EvaluationReport evaluate(CorpusManifest corpus, ModelDirectory model) {
        return evaluate(corpus, model, AttributeClassifiers.fit(corpus, model.manifest().imageHeight()));
    }

    /**
     * Evaluates with attribute classifiers fitted once by the caller (they depend only on the corpus, so two
     * models of one benchmark share them); without, the attribute evaluation is left out.
     */
    public static EvaluationReport evaluate(CorpusManifest corpus, ModelDirectory model,
            Optional<AttributeClassifiers> classifiers) {
        List<CorpusClip> clips = corpus.clips(Split.TEST);
        if (clips.isEmpty()) {
            throw new CorpusFormatException("corpus " + corpus.dir() + ": the test split is empty");
        }
        int size = model.manifest().imageHeight();
        classifiers.filter(c -> c.imageSize() != size).ifPresent(c -> {
            throw new IllegalArgumentException("attribute classifiers read " + c.imageSize() + " px faces, the model draws "
                    + size + " px");
        });
        // Each test clip is used once per length: caching would only hold memory.
        SpectrogramCache spectrograms = new SpectrogramCache(0);
        try (OnnxFeatureExtractor extractor = new OnnxFeatureExtractor(model);
                OnnxFaceDecoder decoder = new OnnxFaceDecoder(model)) {
            Map<String, FaceSample> testFaces = faces(clips, size);
            List<String> ids = List.copyOf(testFaces.keySet());
            List<float[]> gallery = new ArrayList<>();
            Map<String, Integer> galleryIndex = new HashMap<>();
            for (String id : ids) {
                galleryIndex.put(id, gallery.size());
                gallery.add(extractor.faceFeature(pixels(testFaces.get(id))));
            }
            List<DecodedFace> fromFeature = gallery.stream().map(decoder::decode).toList();
            Map<Integer, Double> faceIdentity = Retrieval.recall(
                    fromFeature.stream().map(d -> extractor.faceFeature(d.image())).toList(), gallery);
            Optional<TrainingFaces> training = trainingFaces(corpus, extractor, size);
            Optional<SexClassifier> sexClassifier = training.flatMap(TrainingFaces::sexClassifier);
            Optional<TraitOracle> featureOracle = training.filter(TrainingFaces::fitsOracle)
                    .map(TrainingFaces::featureOracle);
            Optional<OracleRecall> oracle = featureOracle.map(f -> training.orElseThrow().oracleRecall(corpus, ids,
                    gallery, f));
            boolean testTraits = ids.stream().allMatch(id -> corpus.identity(id).isPresent());
            // Fitted only where its faces are judged; the oracle's faces are judged beside the listener's.
            Optional<LogMelListener> listener = classifiers.isPresent() && testTraits && featureOracle.isPresent()
                    ? training.flatMap(TrainingFaces::listener) : Optional.empty();
            Optional<AttributeTally> tally = classifiers.filter(c -> testTraits && listener.isPresent())
                    .map(AttributeTally::new);
            Map<String, AttributeJudgement> onTrueFace = new HashMap<>();
            tally.ifPresent(t -> {
                for (int i = 0; i < ids.size(); i++) {
                    IdentityTraits traits = traits(corpus, ids.get(i));
                    AttributeJudgement verdict = t.addTrueFace(traits, pixels(testFaces.get(ids.get(i))));
                    onTrueFace.put(ids.get(i), verdict);
                    t.addDecoded(FaceSource.FROM_FACE_FEATURE, traits, verdict, fromFeature.get(i).image());
                    t.addDecoded(FaceSource.FROM_TRAIT_ORACLE, traits, verdict,
                            decoder.decode(featureOracle.orElseThrow().predict(traits)).image());
                }
            });
            // The validation clips' speech features serve both the attribute heads and the speech read-outs.
            Optional<SpeechReadouts.Clips> validation = training.flatMap(t -> validationSpeech(corpus, extractor));
            Optional<AttributeHeads> heads = training.flatMap(t -> validation.flatMap(v -> AttributeHeads.fitIfFittable(
                    t.features(), truths(t.traits()), v.features(), truths(v.traits()))));
            List<CallerAttributes> stated = new ArrayList<>();
            List<AttributeTruth> statedTruth = new ArrayList<>();
            List<String> statedIdentity = new ArrayList<>();
            Accumulator six = new Accumulator(gallery);
            Accumulator three = new Accumulator(gallery);
            int featureAgree = 0;
            Map<String, DecodedFace> firstFromSpeech = new LinkedHashMap<>();
            List<float[]> testSpeech = new ArrayList<>();
            List<float[]> testLogMel = new ArrayList<>();
            // Only the listener's faces and the speech read-outs use them; a corpus without traits needs neither.
            boolean logMelNeeded = tally.isPresent() || validation.isPresent() && testTraits;
            for (CorpusClip clip : clips) {
                int truth = galleryIndex.get(clip.identity());
                float[] sixSeconds = spectrograms.sixSeconds(clip.audio());
                float[] vs = extractor.voiceFeature(sixSeconds);
                if (logMelNeeded) {
                    testLogMel.add(LogMelStatistics.of(sixSeconds));
                }
                float[] vsThree = extractor.voiceFeature(spectrograms.threeSeconds(clip.audio()));
                six.add(vs, truth);
                three.add(vsThree, truth);
                testSpeech.add(vs);
                DecodedFace face = decoder.decode(vs);
                firstFromSpeech.putIfAbsent(clip.identity(), face);
                if (heads.isPresent()) {
                    stated.add(heads.get().predict(vs));
                    statedTruth.add(AttributeTruth.of(traits(corpus, clip.identity())));
                    statedIdentity.add(clip.identity());
                }
                if (sexClassifier.isPresent()) {
                    boolean trueClass = sexClassifier.get().isMale(gallery.get(truth));
                    featureAgree += sexClassifier.get().isMale(vs) == trueClass ? 1 : 0;
                }
                if (tally.isPresent()) {
                    IdentityTraits traits = traits(corpus, clip.identity());
                    AttributeJudgement reference = onTrueFace.get(clip.identity());
                    tally.get().addDecoded(FaceSource.FROM_SPEECH_6S, traits, reference, face.image());
                    tally.get().addDecoded(FaceSource.FROM_SPEECH_3S, traits, reference, decoder.decode(vsThree).image());
                    tally.get().addDecoded(FaceSource.FROM_LOG_MEL_6S, traits, reference,
                            decoder.decode(listener.orElseThrow().feature(testLogMel.get(testLogMel.size() - 1))).image());
                }
            }
            double featureAgreement = (double) featureAgree / clips.size();
            Optional<AttributeCalibration> callerAttributes = heads.map(h -> AttributeCalibration.measure(stated,
                    statedTruth, statedIdentity, training.flatMap(t -> t.oracleAgeMae(corpus, statedIdentity))));
            Optional<SexAgreement> sex = sexClassifier.map(c -> new SexAgreement(
                    sexAccuracy(c, corpus, ids, gallery), featureAgreement));
            // Real photos aligned from 5 points have no true measures to correlate.
            boolean measurable = ids.size() >= 2 && testFaces.values().stream().allMatch(FaceSample::hasLandmarks);
            Optional<FaceMeasureCorrelations> measures = !measurable ? Optional.empty()
                    : Optional.of(FaceMeasureCorrelations.compute(
                            ids.stream().map(id -> landmarks(testFaces.get(id))).toList(),
                            fromFeature.stream().map(DecodedFace::landmarks).toList(),
                            ids.stream().map(id -> firstFromSpeech.get(id).landmarks()).toList(), size, size));
            List<FaceExample> examples = new ArrayList<>();
            for (String id : ids.stream().limit(EXAMPLES).toList()) {
                examples.add(new FaceExample(id, FaceExample.toImage(pixels(testFaces.get(id)), size),
                        FaceExample.toImage(fromFeature.get(galleryIndex.get(id)).image(), size),
                        FaceExample.toImage(firstFromSpeech.get(id).image(), size)));
            }
            // The clean channel is this evaluation's own 6 s pass; only the degraded channels need another.
            List<ConditionScores> conditions = new ArrayList<>(List.of(new ConditionScores(CallCondition.CLEAN_16K,
                    clips.size(), six.recallAt(EvaluationReport.ORACLE_K), tally.map(t -> t.scoresOf(FaceSource.FROM_SPEECH_6S)))));
            conditions.addAll(ConditionEvaluator.evaluateDegraded(clips, galleryIndex, gallery, extractor, decoder,
                    classifiers.filter(c -> testTraits), onTrueFace, id -> traits(corpus, id), corpus.clips(Split.TRAIN)));
            return new EvaluationReport(clips.size(), gallery.size(), six.similarity(), three.similarity(),
                    six.recall(), three.recall(), six.curve(), three.curve(), faceIdentity, sex,
                    tally.map(AttributeTally::evaluation), measures, oracle, examples, conditions, callerAttributes,
                    validation.filter(v -> testTraits).flatMap(v -> SpeechReadouts.measure(v, new SpeechReadouts.Clips(
                            clips.stream().map(CorpusClip::identity).toList(),
                            clips.stream().map(c -> traits(corpus, c.identity())).toList(), testSpeech, testLogMel))));
        }
    }

    private static List<AttributeTruth> truths(List<IdentityTraits> traits) {
        return traits.stream().map(AttributeTruth::of).toList();
    }

    /**
     * The validation clips' 6 s speech features and log mel statistics with their speakers, in clip order; empty
     * without validation clips (the caller has checked that every identity is labelled).
     */
    private static Optional<SpeechReadouts.Clips> validationSpeech(CorpusManifest corpus, OnnxFeatureExtractor extractor) {
        List<CorpusClip> clips = corpus.clips(Split.VAL);
        if (clips.isEmpty()) {
            return Optional.empty();
        }
        SpectrogramCache spectrograms = new SpectrogramCache(0);
        List<float[]> features = new ArrayList<>();
        List<float[]> logMel = new ArrayList<>();
        for (CorpusClip clip : clips) {
            float[] sixSeconds = spectrograms.sixSeconds(clip.audio());
            features.add(extractor.voiceFeature(sixSeconds));
            logMel.add(LogMelStatistics.of(sixSeconds));
        }
        List<String> identities = clips.stream().map(CorpusClip::identity).toList();
        return Optional.of(new SpeechReadouts.Clips(identities,
                identities.stream().map(id -> traits(corpus, id)).toList(), features, logMel));
    }

    /** The feature-space sex classifier on the true test faces' features against their true sex. */
    private static double sexAccuracy(SexClassifier classifier, CorpusManifest corpus, List<String> ids,
            List<float[]> gallery) {
        int correct = 0;
        for (int i = 0; i < ids.size(); i++) {
            boolean male = traits(corpus, ids.get(i)).sex() == Sex.MALE;
            correct += classifier.isMale(gallery.get(i)) == male ? 1 : 0;
        }
        return (double) correct / ids.size();
    }

    private static IdentityTraits traits(CorpusManifest corpus, String id) {
        return corpus.identity(id).orElseThrow().traits();
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
        Map<String, CorpusClip> firstClips = new LinkedHashMap<>();
        corpus.clips(Split.TRAIN).forEach(clip -> firstClips.putIfAbsent(clip.identity(), clip));
        faces(corpus.clips(Split.TRAIN), size).forEach((id, face) -> {
            features.add(extractor.faceFeature(pixels(face)));
            traits.add(corpus.identity(id).map(Identity::traits).orElseThrow());
        });
        return Optional.of(new TrainingFaces(features, traits, List.copyOf(firstClips.values())));
    }

    /**
     * True face features and traits of the training identities, in the same order, with each identity's first clip
     * (the order of {@link #faces}).
     */
    private record TrainingFaces(List<float[]> features, List<IdentityTraits> traits, List<CorpusClip> firstClips) {
        /**
         * The {@link LogMelListener} fitted on each identity's first clip and its true face's feature; empty with
         * fewer than {@value LogMelListener#MIN_IDENTITIES} training identities.
         */
        Optional<LogMelListener> listener() {
            if (firstClips.size() < LogMelListener.MIN_IDENTITIES) {
                return Optional.empty();
            }
            SpectrogramCache spectrograms = new SpectrogramCache(0);
            return Optional.of(LogMelListener.fit(firstClips.stream()
                    .map(clip -> LogMelStatistics.of(spectrograms.sixSeconds(clip.audio()))).toList(), features));
        }

        /** The sex classifier of the paper's Table 4, when both sexes occur. */
        Optional<SexClassifier> sexClassifier() {
            List<Boolean> male = traits.stream().map(t -> t.sex() == Sex.MALE).toList();
            if (!male.contains(true) || !male.contains(false)) {
                return Optional.empty();
            }
            return Optional.of(SexClassifier.fit(features, male));
        }

        /**
         * The oracle ceilings, one query per test identity ({@code galleryIds.get(i)} has the face feature
         * {@code gallery.get(i)}), {@code featureOracle} being this one's {@link #featureOracle}.
         */
        OracleRecall oracleRecall(CorpusManifest corpus, List<String> galleryIds, List<float[]> gallery,
                                  TraitOracle featureOracle) {
            List<IdentityTraits> test = galleryIds.stream().map(id -> corpus.identity(id).orElseThrow().traits()).toList();
            ShapeFeatures shapes = new ShapeFeatures(traits.stream().map(IdentityTraits::face).toList());
            TraitOracle shapeOracle = TraitOracle.fit(traits, traits.stream().map(t -> shapes.of(t.face())).toList());
            TraitOracle ageOracle = ageOracle();
            return new OracleRecall(
                    Retrieval.recall(test.stream().map(featureOracle::predict).toList(), gallery),
                    Retrieval.recall(test.stream().map(shapeOracle::predict).toList(),
                            test.stream().map(t -> shapes.of(t.face())).toList()),
                    Correlation.pearson(test.stream().mapToDouble(t -> ageOracle.predict(t)[0]).toArray(),
                            test.stream().mapToDouble(IdentityTraits::ageYears).toArray()));
        }

        /** Whether there are more training identities than the {@link TraitOracle} has inputs. */
        boolean fitsOracle() {
            return traits.size() > TraitOracle.INPUTS;
        }

        /** The {@link TraitOracle} of the face feature; needs {@link #fitsOracle}. */
        TraitOracle featureOracle() {
            return TraitOracle.fit(traits, features);
        }

        /** The age oracle's mean absolute error in years over {@code identities} (one entry per test clip). */
        Optional<Double> oracleAgeMae(CorpusManifest corpus, List<String> identities) {
            if (!fitsOracle() || identities.isEmpty()) {
                return Optional.empty();
            }
            TraitOracle oracle = ageOracle();
            return Optional.of(identities.stream().map(id -> corpus.identity(id).orElseThrow().traits())
                    .mapToDouble(t -> Math.abs(oracle.predict(t)[0] - t.ageYears())).average().orElseThrow());
        }

        private TraitOracle ageOracle() {
            return TraitOracle.fit(traits, traits.stream().map(t -> new float[] {(float) t.ageYears()}).toList());
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

    private static float[] landmarks(FaceSample face) {
        float[] landmarks = new float[2 * ModelContract.LANDMARK_COUNT];
        face.copyLandmarks(landmarks, 0);
        return landmarks;
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
