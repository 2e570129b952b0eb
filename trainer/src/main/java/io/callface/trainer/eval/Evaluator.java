package io.callface.trainer.eval;

import io.callface.stream.model.ModelContract;
import io.callface.trainer.onnx.ModelDirectory;
import io.callface.trainer.synth.CorpusClip;
import io.callface.trainer.synth.CorpusFormatException;
import io.callface.trainer.synth.CorpusManifest;
import io.callface.trainer.synth.Split;
import io.callface.trainer.train.FaceSample;
import io.callface.trainer.train.SpectrogramCache;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates an exported model directory on a corpus's test split, running the ONNX files themselves: true
 * features {@code v_f} from the face encoder, predictions {@code v_s} from the voice encoder on 6 s and on
 * 3 s of each clip.
 */
public final class Evaluator {
    private Evaluator() {
    }

    /** Evaluates {@code model} on the test split of {@code corpus}; throws {@link CorpusFormatException} when it is empty. */
    public static EvaluationReport evaluate(CorpusManifest corpus, ModelDirectory model) {
        List<CorpusClip> clips = corpus.clips(Split.TEST);
        if (clips.isEmpty()) {
            throw new CorpusFormatException("corpus " + corpus.dir() + ": the test split is empty");
        }
        int size = model.manifest().imageHeight();
        int imageFloats = ModelContract.IMAGE_CHANNELS * size * size;
        SpectrogramCache spectrograms = new SpectrogramCache();
        try (OnnxFeatureExtractor extractor = new OnnxFeatureExtractor(model)) {
            List<float[]> gallery = new ArrayList<>();
            Map<String, Integer> galleryIndex = new HashMap<>();
            for (CorpusClip clip : clips) {
                galleryIndex.computeIfAbsent(clip.identity(), id -> {
                    float[] image = new float[imageFloats];
                    FaceSample.load(clip, size).copyImage(image, 0);
                    gallery.add(extractor.faceFeature(image));
                    return gallery.size() - 1;
                });
            }
            Accumulator six = new Accumulator(gallery);
            Accumulator three = new Accumulator(gallery);
            for (CorpusClip clip : clips) {
                int truth = galleryIndex.get(clip.identity());
                six.add(extractor.voiceFeature(spectrograms.sixSeconds(clip.audio())), truth);
                three.add(extractor.voiceFeature(spectrograms.threeSeconds(clip.audio())), truth);
            }
            return new EvaluationReport(clips.size(), gallery.size(), six.similarity(), three.similarity(),
                    six.recall(), three.recall());
        }
    }

    /** Running sums of one audio length's figures. */
    private static final class Accumulator {
        private final List<float[]> gallery;
        private final List<Double> angles = new ArrayList<>();
        private double l1;
        private double l2;
        private final int[] hits = new int[EvaluationReport.KS.size()];

        Accumulator(List<float[]> gallery) {
            this.gallery = gallery;
        }

        void add(float[] predicted, int truth) {
            float[] actual = gallery.get(truth);
            angles.add(FeatureDistances.angleDegrees(predicted, actual));
            l1 += FeatureDistances.l1(predicted, actual);
            l2 += FeatureDistances.l2(predicted, actual);
            int rank = Retrieval.rank(predicted, gallery, truth);
            for (int i = 0; i < hits.length; i++) {
                if (rank <= EvaluationReport.KS.get(i)) {
                    hits[i]++;
                }
            }
        }

        Similarity similarity() {
            int n = angles.size();
            double mean = angles.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            double variance = angles.stream().mapToDouble(a -> (a - mean) * (a - mean)).sum() / n;
            return new Similarity(mean, Math.sqrt(variance), l1 / n, l2 / n);
        }

        Map<Integer, Double> recall() {
            Map<Integer, Double> recall = new HashMap<>();
            for (int i = 0; i < hits.length; i++) {
                recall.put(EvaluationReport.KS.get(i), (double) hits[i] / angles.size());
            }
            return recall;
        }
    }
}
