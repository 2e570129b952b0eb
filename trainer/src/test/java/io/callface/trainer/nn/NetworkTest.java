package io.callface.trainer.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NetworkTest {
    private static final int FRAMES = 3;

    @Test
    void logMelFrontEndIsTheGainFreeLogOfTheMelWeightedPowerOfTheUncompressedParts() {
        float[] input = randomSpectrogram(FRAMES, 7);
        try (NDManager manager = NDManager.newBaseManager()) {
            Shape shape = new Shape(1, 2, FRAMES, MelBank.BINS);
            Network network = new Network("front", List.of(new Layer.LogMelFrontEnd()), manager, shape);
            float[] out = network.forward(new ParameterStore(manager, false), manager.create(input, shape), false)
                    .toFloatArray();

            assertThat(out).hasSize(FRAMES * MelBank.BANDS);
            double[] logMel = new double[FRAMES * MelBank.BANDS];
            for (int t = 0; t < FRAMES; t++) {
                for (int b = 0; b < MelBank.BANDS; b++) {
                    double sum = 0;
                    for (int k = 0; k < MelBank.BINS; k++) {
                        double re = Math.pow(Math.abs(input[t * MelBank.BINS + k]), MelBank.POWER_EXPONENT);
                        double im = Math.pow(Math.abs(input[(FRAMES + t) * MelBank.BINS + k]), MelBank.POWER_EXPONENT);
                        sum += MelBank.weight(b, k) * (re + im) / 2;
                    }
                    logMel[t * MelBank.BANDS + b] = Math.log(sum + Layer.LogMelFrontEnd.EPSILON);
                }
            }
            double gain = Arrays.stream(logMel).average().orElseThrow();
            for (int i = 0; i < logMel.length; i++) {
                double expected = logMel[i] - gain;
                assertThat((double) out[i]).as("frame %d band %d", i / MelBank.BANDS, i % MelBank.BANDS)
                        .isCloseTo(expected, within(1e-4 * Math.max(1, Math.abs(expected))));
            }
        }
    }

    @Test
    void aCallsGainDropsOutOfTheLogMelFrontEnd() {
        float[] input = randomSpectrogram(FRAMES, 11);
        // Amplitude times 4 is every compressed part times 4^0.3.
        float[] louder = new float[input.length];
        for (int i = 0; i < input.length; i++) {
            louder[i] = input[i] * (float) Math.pow(4, 0.3);
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            Shape shape = new Shape(1, 2, FRAMES, MelBank.BINS);
            Network network = new Network("front", List.of(new Layer.LogMelFrontEnd()), manager, shape);
            ParameterStore store = new ParameterStore(manager, false);
            float[] quiet = network.forward(store, manager.create(input, shape), false).toFloatArray();
            float[] loud = network.forward(store, manager.create(louder, shape), false).toFloatArray();
            for (int i = 0; i < quiet.length; i++) {
                assertThat(loud[i]).isCloseTo(quiet[i], within(1e-3f));
            }
        }
    }

    @Test
    void statsOverTimeStacksTheMeanAndTheDeviationOfEachChannel() {
        try (NDManager manager = NDManager.newBaseManager()) {
            // [N=1, C=2, T=4, F=1]: channel 0 is 1, 2, 3, 4; channel 1 is constant 5.
            NDArray x = manager.create(new float[] {1, 2, 3, 4, 5, 5, 5, 5}, new Shape(1, 2, 4, 1));
            Network network = new Network("stats", List.of(new Layer.StatsOverTime()), manager, x.getShape());
            NDArray out = network.forward(new ParameterStore(manager, false), x, false);

            assertThat(out.getShape()).isEqualTo(new Shape(1, 4, 1));
            float[] values = out.toFloatArray();
            assertThat(values[0]).isCloseTo(2.5f, within(1e-6f));
            assertThat(values[1]).isCloseTo(5f, within(1e-6f));
            assertThat(values[2]).isCloseTo((float) Math.sqrt(1.25 + Layer.StatsOverTime.EPSILON), within(1e-5f));
            assertThat(values[3]).isCloseTo((float) Math.sqrt(Layer.StatsOverTime.EPSILON), within(1e-5f));
        }
    }

    private static float[] randomSpectrogram(int frames, long seed) {
        Random random = new Random(seed);
        float[] values = new float[2 * frames * MelBank.BINS];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (random.nextGaussian() * 1.5);
        }
        return values;
    }
}
