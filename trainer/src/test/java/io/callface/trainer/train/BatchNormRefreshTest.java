package io.callface.trainer.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.callface.model.ModelContract;
import io.callface.trainer.nn.Layer;
import io.callface.trainer.nn.Network;
import io.callface.trainer.nn.Preset;
import io.callface.trainer.nn.Speech2FaceNetworks;
import io.callface.trainer.synth.CorpusClip;
import io.callface.trainer.synth.CorpusManifest;
import io.callface.trainer.synth.Split;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchNormRefreshTest {
    private static final Preset TINY = Preset.tiny();

    @TempDir
    Path tmp;

    @Test
    void theFirstBatchNormGetsTheMeanAndVarianceOfItsInputOverEveryTrainingClip() throws Exception {
        List<CorpusClip> clips = CorpusManifest.read(TestCorpus.write(tmp, 6, 2, 1, 3)).clips(Split.TRAIN);
        TrainingOptions clean = TrainingOptions.defaults(TINY).withAugmentation(0);
        try (Speech2FaceNetworks networks = new Speech2FaceNetworks(TINY, 5)) {
            Network encoder = networks.voiceEncoder();
            int norm = IntStream.range(0, encoder.layers().size())
                    .filter(i -> encoder.layers().get(i) instanceof Layer.BatchNorm).findFirst().orElseThrow();
            CheckpointDirectory.copyInto(encoder.parameter(norm, "runningMean"), filled(encoder, norm, 100f));
            CheckpointDirectory.copyInto(encoder.parameter(norm, "runningVar"), filled(encoder, norm, 1e-6f));

            BatchNormRefresh.refresh(networks, clips, DataLoading.DEFAULT, clean);

            double[][] expected = inputMoments(networks, norm, clips);
            float[] mean = encoder.parameter(norm, "runningMean").toFloatArray();
            float[] variance = encoder.parameter(norm, "runningVar").toFloatArray();
            for (int c = 0; c < mean.length; c++) {
                assertThat((double) mean[c]).isCloseTo(expected[0][c], within(1e-4 * (1 + Math.abs(expected[0][c]))));
                assertThat((double) variance[c]).isCloseTo(expected[1][c], within(1e-3 * expected[1][c] + 1e-6));
            }
            assertThat(Arrays.stream(expected[1]).max().orElseThrow()).isGreaterThan(1e-3);
        }
    }

    private static float[] filled(Network encoder, int norm, float value) {
        float[] values = new float[Math.toIntExact(encoder.parameter(norm, "runningMean").size())];
        Arrays.fill(values, value);
        return values;
    }

    /** Per-channel mean and population variance of layer {@code norm}'s input over every clip, heard clean. */
    private static double[][] inputMoments(Speech2FaceNetworks networks, int norm, List<CorpusClip> clips) {
        double[] sum = null;
        double[] squares = null;
        long count = 0;
        for (CorpusClip clip : clips) {
            try (NDManager m = networks.manager().newSubManager()) {
                NDArray x = m.create(DataLoading.DEFAULT.cache().sixSeconds(clip.audio()), new Shape(1,
                        ModelContract.SPECTROGRAM_CHANNELS, Speech2FaceNetworks.SIX_SECOND_FRAMES,
                        ModelContract.SPECTROGRAM_BINS));
                for (int i = 0; i < norm; i++) {
                    x = networks.voiceEncoder().blockAt(i).forward(new ParameterStore(m, false), new NDList(x), false)
                            .singletonOrThrow();
                }
                Shape s = x.getShape();
                int[] axes = IntStream.range(0, s.dimension()).filter(a -> a != 1).toArray();
                float[] sums = x.sum(axes).toFloatArray();
                float[] squared = x.square().sum(axes).toFloatArray();
                if (sum == null) {
                    sum = new double[sums.length];
                    squares = new double[sums.length];
                }
                for (int c = 0; c < sums.length; c++) {
                    sum[c] += sums[c];
                    squares[c] += squared[c];
                }
                count += s.size() / s.get(1);
            }
        }
        double[][] moments = new double[2][sum.length];
        for (int c = 0; c < sum.length; c++) {
            moments[0][c] = sum[c] / count;
            moments[1][c] = squares[c] / count - moments[0][c] * moments[0][c];
        }
        return moments;
    }
}
