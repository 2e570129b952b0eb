package io.callface.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VoiceActivityDetectorTest {
    private static final int RATE = 16_000;
    private final VoiceActivityDetector vad = new VoiceActivityDetector();

    @Test
    void sumOfLogsEqualsTheSumOfEachLogarithmOverThePowersAFrameCanHave() {
        Random random = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            int length = 1 + random.nextInt(1500);
            double[] values = new double[length + 3];
            for (int k = 0; k < values.length; k++) {
                // Bin powers from digital silence (0) to a full-scale tone (~1e5), spread over 25 decades.
                values[k] = random.nextInt(20) == 0 ? 0 : Math.pow(10, -20 + 25 * random.nextDouble());
            }
            double floor = 1e-20;
            double expected = 0;
            for (int k = 2; k < 2 + length; k++) {
                expected += Math.log(values[k] + floor);
            }
            assertThat(VoiceActivityDetector.sumOfLogs(values, 2, 2 + length, floor))
                    .as("trial %d, %d values", trial, length)
                    .isCloseTo(expected, within(1e-9 * Math.max(1, Math.abs(expected))));
        }
    }

    /**
     * An /a/-like vowel: harmonics of a 120 Hz voice up to 4 kHz, each weighted by three formant resonances
     * (700, 1220, 2600 Hz), random phases, scaled to {@code rms}.
     */
    static float[] vowel(int samples, double rms, long seed) {
        double[][] formants = {{700, 110}, {1220, 120}, {2600, 160}};
        Random random = new Random(seed);
        double[] x = new double[samples];
        for (int h = 1; h * 120 < 4000; h++) {
            double f = h * 120;
            double gain = 0;
            for (double[] formant : formants) {
                double detune = (f - formant[0]) / (formant[1] / 2);
                gain += 1 / Math.sqrt(1 + detune * detune);
            }
            gain /= h; // glottal source roll-off
            double phase = random.nextDouble() * 2 * Math.PI;
            for (int i = 0; i < samples; i++) {
                x[i] += gain * Math.sin(2 * Math.PI * f * i / RATE + phase);
            }
        }
        return scaled(x, rms);
    }

    static float[] whiteNoise(int samples, double rms, long seed) {
        Random random = new Random(seed);
        double[] x = new double[samples];
        for (int i = 0; i < samples; i++) {
            x[i] = random.nextGaussian();
        }
        return scaled(x, rms);
    }

    /** Mains hum: a 50 or 60 Hz fundamental with odd harmonics falling as 1/k. */
    static float[] lineNoise(int samples, double mainsHz, double rms) {
        double[] x = new double[samples];
        for (int k = 1; k <= 7; k += 2) {
            for (int i = 0; i < samples; i++) {
                x[i] += Math.sin(2 * Math.PI * k * mainsHz * i / RATE) / k;
            }
        }
        return scaled(x, rms);
    }

    private static float[] scaled(double[] x, double rms) {
        double sum = 0;
        for (double v : x) {
            sum += v * v;
        }
        double gain = rms / Math.sqrt(sum / x.length);
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = (float) (x[i] * gain);
        }
        return out;
    }

    @Test
    void silenceAndFaintNoiseAreUnvoiced() {
        assertThat(vad.voicedFraction(new float[RATE])).isZero();
        assertThat(vad.voicedFraction(whiteNoise(RATE, 0.001, 1))).isZero();
    }

    @Test
    void loudWhiteNoiseIsUnvoiced() {
        assertThat(vad.voicedFraction(whiteNoise(RATE, 0.2, 2))).isZero();
        assertThat(vad.analyse(whiteNoise(RATE, 0.2, 3))[10].flatness()).isBetween(0.4, 0.8);
    }

    @Test
    void mainsHumIsUnvoiced() {
        assertThat(vad.voicedFraction(lineNoise(RATE, 50, 0.2))).isZero();
        assertThat(vad.voicedFraction(lineNoise(RATE, 60, 0.2))).isZero();
    }

    @Test
    void aSyntheticVowelIsVoicedAlsoInModerateNoise() {
        assertThat(vad.voicedFraction(vowel(RATE, 0.1, 4))).isEqualTo(1.0);
        float[] vowel = vowel(RATE, 0.1, 5);
        float[] noise = whiteNoise(RATE, 0.01, 6); // 20 dB SNR
        for (int i = 0; i < vowel.length; i++) {
            vowel[i] += noise[i];
        }
        assertThat(vad.voicedFraction(vowel)).isGreaterThan(0.95);
        assertThat(vad.isVoiced(vowel)).isTrue();
    }

    @Test
    void voicedSamplesKeepOnlyTheVowel() {
        float[] vowel = vowel(RATE, 0.1, 7);
        float[] mixed = new float[3 * RATE];
        System.arraycopy(whiteNoise(RATE, 0.2, 8), 0, mixed, 0, RATE);
        System.arraycopy(vowel, 0, mixed, RATE, RATE);
        // the last second stays silent
        double fraction = vad.voicedFraction(mixed);
        assertThat(fraction).isBetween(0.30, 0.34);
        float[] kept = vad.voicedSamples(mixed);
        assertThat(kept.length).isBetween(RATE - 3 * VoiceActivityDetector.HOP, RATE + 3 * VoiceActivityDetector.HOP);
        // What is kept is the vowel itself, in order.
        int offset = Arrays.asList(boxed(vowel)).indexOf(kept[VoiceActivityDetector.HOP * 5]);
        assertThat(offset).isGreaterThanOrEqualTo(0);
        assertThat(Arrays.copyOfRange(kept, 5 * VoiceActivityDetector.HOP, 5 * VoiceActivityDetector.HOP + 100))
                .containsExactly(Arrays.copyOfRange(vowel, offset, offset + 100));
    }

    @Test
    void shortChunksAreOneFrameAndTooShortOnesAreRejected() {
        assertThat(vad.isVoiced(vowel(320, 0.1, 9))).isTrue(); // a 20 ms VoIP chunk
        assertThat(vad.isVoiced(whiteNoise(320, 0.2, 10))).isFalse();
        assertThatThrownBy(() -> vad.isVoiced(new float[100]))
                .isInstanceOf(AudioFormatException.class)
                .hasMessage("samples16k: 100 samples is shorter than the 160-sample (10 ms) minimum for voice detection");
    }

    private static Float[] boxed(float[] x) {
        Float[] out = new Float[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i];
        }
        return out;
    }
}
