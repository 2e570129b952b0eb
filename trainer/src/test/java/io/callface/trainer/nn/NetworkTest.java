package io.callface.trainer.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NetworkTest {
    private static final int FRAMES = 3;

    @Test
    void logMelFrontEndIsTheLogOfTheMelWeightedPowerOfTheUncompressedParts() {
        float[] input = randomSpectrogram(FRAMES, 7);
        try (NDManager manager = NDManager.newBaseManager()) {
            Shape shape = new Shape(1, 2, FRAMES, MelBank.BINS);
            Network network = new Network("front", List.of(new Layer.LogMelFrontEnd()), manager, shape);
            float[] out = network.forward(new ParameterStore(manager, false), manager.create(input, shape), false)
                    .toFloatArray();

            assertThat(out).hasSize(FRAMES * MelBank.BANDS);
            for (int t = 0; t < FRAMES; t++) {
                for (int b = 0; b < MelBank.BANDS; b++) {
                    double sum = 0;
                    for (int k = 0; k < MelBank.BINS; k++) {
                        double re = Math.pow(Math.abs(input[t * MelBank.BINS + k]), MelBank.POWER_EXPONENT);
                        double im = Math.pow(Math.abs(input[(FRAMES + t) * MelBank.BINS + k]), MelBank.POWER_EXPONENT);
                        sum += MelBank.weight(b, k) * (re + im) / 2;
                    }
                    double expected = Math.log(sum + Layer.LogMelFrontEnd.EPSILON);
                    assertThat((double) out[t * MelBank.BANDS + b]).as("frame %d band %d", t, b)
                            .isCloseTo(expected, within(1e-4 * Math.max(1, Math.abs(expected))));
                }
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
