package io.callface.trainer.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AgeReadoutTest {
    private static final int DIMENSIONS = 12;

    @Test
    void aFeatureThatCarriesAgeIsReadWithItsCorrelation() {
        AgeReadout readout = readout(new Random(5), 1);

        // One dimension is the age plus noise of equal spread (r = 0.71 in expectation); the rest is noise.
        assertThat(readout.validationClips()).isEqualTo(300);
        assertThat(readout.testClips()).isEqualTo(200);
        assertThat(readout.ageR().r()).isBetween(0.6, 0.8);
        assertThat(readout.meanAbsoluteError()).isLessThan(14.0);
    }

    @Test
    void aFeatureWithoutAgeReadsNoCorrelation() {
        AgeReadout readout = readout(new Random(6), 0);

        assertThat(Math.abs(readout.ageR().r())).isLessThan(0.2);
    }

    @Test
    void nothingIsMeasuredWithoutEnoughClips() {
        assertThat(AgeReadout.measure(List.of(new float[DIMENSIONS]), new double[] {30}, List.of("a"),
                List.of(new float[DIMENSIONS]), new double[] {40})).isEmpty();
    }

    /** Fitted on 300 validation clips (two per speaker), scored on 200 test clips; features of the given age weight. */
    private static AgeReadout readout(Random random, double weight) {
        double[] ages = ages(random, 300);
        double[] testAges = ages(random, 200);
        return AgeReadout.measure(features(ages, weight, random), ages, speakers(300),
                features(testAges, weight, random), testAges).orElseThrow();
    }

    /** Uniform 18-80, as the synthetic world's adults. */
    private static double[] ages(Random random, int n) {
        double[] ages = new double[n];
        for (int i = 0; i < n; i++) {
            ages[i] = 18 + 62 * random.nextDouble();
        }
        return ages;
    }

    private static List<String> speakers(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add("id" + i / 2);
        }
        return ids;
    }

    /** Noise, with the age's standard score plus noise in the first dimension times {@code weight}. */
    private static List<float[]> features(double[] ages, double weight, Random random) {
        List<float[]> out = new ArrayList<>();
        for (double age : ages) {
            float[] x = new float[DIMENSIONS];
            for (int d = 0; d < DIMENSIONS; d++) {
                x[d] = (float) random.nextGaussian();
            }
            x[0] = (float) (weight * (age - 49) / 17.9 + random.nextGaussian());
            out.add(x);
        }
        return out;
    }
}
