package io.callface.audio.synth;

import static io.callface.audio.synth.SignalMeasures.RATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VoiceSourceTest {
    private static final double PITCH_TOLERANCE = 0.01;

    @ParameterizedTest
    @ValueSource(doubles = {4, 10, 20})
    void tiltFilterAttenuatesThreeKilohertzByTl(double db) {
        double c = VoiceSource.tiltCoefficient(db, 3000, RATE);
        double w = 2 * Math.PI * 3000 / RATE;
        double gain = (1 - c) / Math.hypot(1 - c * Math.cos(w), c * Math.sin(w));
        assertThat(20 * Math.log10(gain)).isCloseTo(-db, within(1e-9));
        assertThat(VoiceSource.tiltCoefficient(0, 3000, RATE)).isZero();
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void modalPulsesComeAtTheRequestedF0(boolean lf) {
        VoiceTraits traits = new VoiceTraits(150, 16, 0.005, 0.03, 4.5, 0.2);
        float[] x = run(lf, traits, 150, false, RATE);
        assertThat(SignalMeasures.pitch(x, 1000, 2048)).isCloseTo(150, within(150 * PITCH_TOLERANCE));
    }

    /**
     * Creak: excitations at min(75 Hz, F0 / 2) with a mean cycle-to-cycle interval change over 8 % (each interval
     * spans parts of two jittered periods, so it is below the 15 % period jitter); modal voice under 2 %.
     */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void creakIsLowAndIrregular(boolean lf) {
        VoiceTraits traits = new VoiceTraits(200, 15, 0.005, 0.03, 4.5, 0.2);
        double[] creak = excitationRateAndVariation(run(lf, traits, 200, true, 2 * RATE));
        double[] modal = excitationRateAndVariation(run(lf, traits, 200, false, 2 * RATE));
        System.out.printf("%s: creak %.1f Hz, |dT|/T %.3f; modal %.1f Hz, |dT|/T %.3f%n", lf ? "LF" : "KLGLOTT88",
                creak[0], creak[1], modal[0], modal[1]);
        assertThat(creak[0]).isCloseTo(VoiceSource.MAX_CREAK_F0_HZ, within(8.0));
        assertThat(creak[1]).isBetween(0.08, 0.3);
        assertThat(modal[0]).isCloseTo(200, within(4.0));
        assertThat(modal[1]).isLessThan(0.02);
    }

    /** {mean rate (Hz), mean |T_k+1 - T_k| / T_k} of the main excitations (local minima below -0.3). */
    private static double[] excitationRateAndVariation(float[] x) {
        List<Integer> excitations = new ArrayList<>();
        for (int i = 1; i + 1 < x.length; i++) {
            if (x[i] < -0.3 && x[i] <= x[i - 1] && x[i] < x[i + 1]) {
                excitations.add(i);
            }
        }
        double[] periods = new double[excitations.size() - 1];
        for (int i = 0; i < periods.length; i++) {
            periods[i] = excitations.get(i + 1) - excitations.get(i);
        }
        double variation = 0;
        for (int i = 1; i < periods.length; i++) {
            variation += Math.abs(periods[i] - periods[i - 1]) / periods[i - 1];
        }
        return new double[] {RATE / Arrays.stream(periods).average().orElseThrow(), variation / (periods.length - 1)};
    }

    /** Breathier voices have a steeper source spectrum: less of the power above 2 kHz. */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void breathinessTiltsTheSource(boolean lf) {
        double modal = highShare(run(lf, new VoiceTraits(120, 17, 0.005, 0.03, 4.5, 0), 120, false, RATE));
        double breathy = highShare(run(lf, new VoiceTraits(120, 17, 0.005, 0.03, 4.5, 0.8), 120, false, RATE));
        assertThat(breathy).isLessThan(0.7 * modal);
    }

    private static float[] run(boolean lf, VoiceTraits traits, double f0, boolean creak, int samples) {
        VoiceSource source = new VoiceSource(lf, RATE, traits, new SplittableRandom(3));
        float[] x = new float[samples];
        for (int i = 0; i < samples; i++) {
            x[i] = (float) source.next(f0, creak);
        }
        return x;
    }

    private static double highShare(float[] x) {
        double high = 0;
        double all = 0;
        for (int start = 0; start + 512 <= x.length; start += 512) {
            high += SignalMeasures.bandEnergy(x, start, 512, 2000, 8001);
            all += SignalMeasures.bandEnergy(x, start, 512, 60, 8001);
        }
        return high / all;
    }
}
