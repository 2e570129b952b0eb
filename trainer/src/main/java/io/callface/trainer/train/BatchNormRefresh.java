package io.callface.trainer.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.callface.model.ModelContract;
import io.callface.trainer.nn.Layer;
import io.callface.trainer.nn.Network;
import io.callface.trainer.nn.Speech2FaceNetworks;
import io.callface.trainer.synth.CorpusClip;
import java.nio.FloatBuffer;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Replaces the voice encoder's batch-norm running statistics by the statistics of one pass over the voice stage's
 * last epoch of training batches, as heard in training (the same clips, order and call augmentation), run through the
 * network as training runs it (each batch normalised by its own statistics). Each batch norm's mean and variance are
 * pooled over every input value of the pass. After weight averaging the running statistics belong to none of the
 * averaged networks; PyTorch's {@code swa_utils.update_bn} recomputes them so (Izmailov et al., UAI 2018).
 */
final class BatchNormRefresh {
    private static final String RUNNING_MEAN = "runningMean";
    private static final String RUNNING_VAR = "runningVar";

    private BatchNormRefresh() {
    }

    static void refresh(Speech2FaceNetworks networks, List<CorpusClip> clips, DataLoading loading,
            TrainingOptions options) {
        Network encoder = networks.voiceEncoder();
        List<Integer> norms = IntStream.range(0, encoder.layers().size())
                .filter(i -> encoder.layers().get(i) instanceof Layer.BatchNorm).boxed().toList();
        if (norms.isEmpty()) {
            return;
        }
        int epoch = options.voiceEpochs();
        List<int[]> batches = MiniBatches.shuffled(clips.size(), options.batchSize(),
                MiniBatches.epochRandom(options.seed(), EpochRecord.VOICE, epoch));
        Moments[] moments = new Moments[encoder.layers().size()];
        VoiceAugmentation augmentation = new VoiceAugmentation(options.augmentation(), options.seed(), clips);
        try (VoiceBatches inputs = new VoiceBatches(clips, loading.cache(), augmentation, loading.workers(), false)) {
            Iterator<VoiceBatches.VoiceBatch> batchInputs = inputs.of(epoch, batches);
            for (int[] batch : batches) {
                float[] heard = batchInputs.next().heard();
                try (NDManager m = networks.manager().newSubManager()) {
                    ParameterStore store = new ParameterStore(m, false);
                    NDArray x = m.create(FloatBuffer.wrap(heard), new Shape(batch.length,
                            ModelContract.SPECTROGRAM_CHANNELS, Speech2FaceNetworks.SIX_SECOND_FRAMES,
                            ModelContract.SPECTROGRAM_BINS));
                    for (int i = 0; i < encoder.layers().size(); i++) {
                        if (encoder.layers().get(i) instanceof Layer.BatchNorm) {
                            moments[i] = Moments.of(x).plus(moments[i]);
                        }
                        x = encoder.blockAt(i).forward(store, new NDList(x), true).singletonOrThrow();
                    }
                }
            }
        }
        for (int norm : norms) {
            CheckpointDirectory.copyInto(encoder.parameter(norm, RUNNING_MEAN), moments[norm].mean());
            CheckpointDirectory.copyInto(encoder.parameter(norm, RUNNING_VAR), moments[norm].variance());
        }
    }

    /** Per-channel sums over every axis but the channel axis 1, and how many values each sums. */
    private record Moments(double[] sum, double[] squares, long count) {
        static Moments of(NDArray x) {
            Shape s = x.getShape();
            int[] axes = IntStream.range(0, s.dimension()).filter(a -> a != 1).toArray();
            float[] sums = x.sum(axes).toFloatArray();
            float[] squares = x.square().sum(axes).toFloatArray();
            double[] sd = new double[sums.length];
            double[] qd = new double[sums.length];
            for (int c = 0; c < sd.length; c++) {
                sd[c] = sums[c];
                qd[c] = squares[c];
            }
            return new Moments(sd, qd, s.size() / s.get(1));
        }

        Moments plus(Moments other) {
            if (other == null) {
                return this;
            }
            double[] s = sum.clone();
            double[] q = squares.clone();
            for (int c = 0; c < s.length; c++) {
                s[c] += other.sum[c];
                q[c] += other.squares[c];
            }
            return new Moments(s, q, count + other.count);
        }

        float[] mean() {
            float[] out = new float[sum.length];
            for (int c = 0; c < out.length; c++) {
                out[c] = (float) (sum[c] / count);
            }
            return out;
        }

        float[] variance() {
            float[] out = new float[sum.length];
            for (int c = 0; c < out.length; c++) {
                double mean = sum[c] / count;
                out[c] = (float) Math.max(0, squares[c] / count - mean * mean);
            }
            return out;
        }
    }
}
