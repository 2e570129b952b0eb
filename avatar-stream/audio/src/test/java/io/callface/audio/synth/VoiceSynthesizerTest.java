package io.callface.audio.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VoiceSynthesizerTest {
    private static final int RATE = VoiceSynthesizer.SAMPLE_RATE;
    /** 40 ms analysis frames. */
    private static final int FRAME = 640;
    private static final double F0_TOLERANCE = 0.10;

    private final VoiceSynthesizer synthesizer = new VoiceSynthesizer();

    private static VoiceTraits voice(double f0, double vtl) {
        return new VoiceTraits(f0, vtl, 0.006, 0.04, 4.5, 0.2);
    }

    @Test
    void sameSeedGivesSameSamplesAndOtherSeedDiffers() {
        VoiceTraits traits = voice(130, 17);
        float[] a = synthesizer.synthesize(traits, 2, 7);
        float[] b = synthesizer.synthesize(traits, 2, 7);
        float[] c = synthesizer.synthesize(traits, 2, 8);
        assertThat(a).isEqualTo(b);
        assertThat(Arrays.equals(a, c)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 3, 6.5})
    void lengthMatchesDurationAndPeakIsBounded(double seconds) {
        float[] samples = synthesizer.synthesize(voice(200, 14.5), seconds, 3);
        assertThat(samples).hasSize((int) Math.round(seconds * RATE));
        double peak = 0;
        for (float s : samples) {
            peak = Math.max(peak, Math.abs(s));
        }
        assertThat(peak).isLessThanOrEqualTo(VoiceSynthesizer.PEAK + 1e-6).isGreaterThan(0.6);
    }

    @Test
    void containsPausesAndLoudStretches() {
        float[] samples = synthesizer.synthesize(voice(120, 17.5), 6, 11);
        double[] energies = frameRms(samples);
        double loudest = Arrays.stream(energies).max().orElseThrow();
        long quiet = Arrays.stream(energies).filter(e -> e < loudest * 0.01).count();
        long loud = Arrays.stream(energies).filter(e -> e > loudest * 0.2).count();
        assertThat(quiet).as("near-silent 40 ms frames").isGreaterThan(energies.length / 20);
        assertThat(loud).as("loud 40 ms frames").isGreaterThan(energies.length / 4);
    }

    @ParameterizedTest
    @ValueSource(doubles = {85, 110, 140, 190, 240, 300})
    void measuredPitchTracksTheTrait(double f0) {
        float[] samples = synthesizer.synthesize(voice(f0, f0 < 160 ? 17 : 14.5), 4, 5);
        double measured = medianVoicedPitch(samples);
        assertThat(measured).isCloseTo(f0, org.assertj.core.data.Percentage.withPercentage(F0_TOLERANCE * 100));
    }

    @Test
    void longerVocalTractLowersSpectralCentroid() {
        double shortTract = 0;
        double longTract = 0;
        for (long seed = 1; seed <= 3; seed++) {
            shortTract += spectralCentroid(synthesizer.synthesize(voice(150, 13), 4, seed));
            longTract += spectralCentroid(synthesizer.synthesize(voice(150, 19), 4, seed));
        }
        assertThat(longTract).isLessThan(shortTract * 0.85);
    }

    @Test
    void rejectsBadArguments() {
        VoiceTraits traits = voice(120, 17);
        assertThrows(IllegalArgumentException.class, () -> synthesizer.synthesize(traits, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> synthesizer.synthesize(traits, Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, () -> synthesizer.synthesize(null, 1, 1));
    }

    @Test
    void randomVoicesAreValidAndVaried() {
        Random random = new Random(1);
        double minF0 = Double.MAX_VALUE;
        double maxF0 = 0;
        for (int i = 0; i < 200; i++) {
            VoiceTraits traits = VoiceTraits.random(random);
            minF0 = Math.min(minF0, traits.f0Hz());
            maxF0 = Math.max(maxF0, traits.f0Hz());
        }
        assertThat(minF0).isLessThan(130);
        assertThat(maxF0).isGreaterThan(190);
    }

    private static double[] frameRms(float[] samples) {
        double[] rms = new double[samples.length / FRAME];
        for (int f = 0; f < rms.length; f++) {
            double sum = 0;
            for (int n = 0; n < FRAME; n++) {
                double s = samples[f * FRAME + n];
                sum += s * s;
            }
            rms[f] = Math.sqrt(sum / FRAME);
        }
        return rms;
    }

    /** Median over loud frames of the autocorrelation pitch, searched over 60-400 Hz. */
    private static double medianVoicedPitch(float[] samples) {
        double[] energies = frameRms(samples);
        double loudest = Arrays.stream(energies).max().orElseThrow();
        int minLag = RATE / 400;
        int maxLag = RATE / 60;
        double[] pitches = new double[energies.length];
        int count = 0;
        for (int f = 0; f < energies.length; f++) {
            if (energies[f] < 0.3 * loudest || (f + 1) * FRAME + maxLag > samples.length) {
                continue;
            }
            int start = f * FRAME;
            int bestLag = minLag;
            double best = Double.NEGATIVE_INFINITY;
            for (int lag = minLag; lag <= maxLag; lag++) {
                double sum = 0;
                for (int n = 0; n < FRAME; n++) {
                    sum += samples[start + n] * samples[start + n + lag];
                }
                if (sum > best) {
                    best = sum;
                    bestLag = lag;
                }
            }
            pitches[count++] = (double) RATE / bestLag;
        }
        assertThat(count).as("voiced frames").isGreaterThan(5);
        double[] found = Arrays.copyOf(pitches, count);
        Arrays.sort(found);
        return found[count / 2];
    }

    /** Mean spectral centroid (Hz) of the loud frames, from a direct DFT of 512-sample frames. */
    private static double spectralCentroid(float[] samples) {
        int size = 512;
        double[] energies = frameRms(samples);
        double loudest = Arrays.stream(energies).max().orElseThrow();
        double total = 0;
        int frames = 0;
        for (int f = 0; f < energies.length; f += 2) {
            if (energies[f] < 0.3 * loudest) {
                continue;
            }
            double weighted = 0;
            double power = 0;
            for (int k = 1; k < size / 2; k++) {
                double re = 0;
                double im = 0;
                for (int n = 0; n < size; n++) {
                    double w = 0.5 - 0.5 * Math.cos(2 * Math.PI * n / size);
                    double angle = 2 * Math.PI * k * n / size;
                    re += w * samples[f * FRAME + n] * Math.cos(angle);
                    im -= w * samples[f * FRAME + n] * Math.sin(angle);
                }
                double p = re * re + im * im;
                weighted += p * k * RATE / (double) size;
                power += p;
            }
            total += weighted / power;
            frames++;
        }
        return total / frames;
    }
}
