package io.callface.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Checks {@link Spectrogram} against the definition in shared/reference/speech2face.md, computed here directly. */
class SpectrogramTest {
    private static final double MAX_RELATIVE_FROBENIUS_ERROR = 1e-4;

    /**
     * The definition, in double precision and by a plain DFT: frame t covers samples [160t, 160t+400),
     * periodic Hann {@code 0.5 - 0.5 cos(2 pi n / 400)}, zero-padded to 512, bins 0..256, then
     * {@code sgn(v)|v|^0.3} on real and imaginary parts; layout [2, T, 257].
     */
    private static double[] reference(float[] x) {
        int frames = 1 + (x.length - 400) / 160;
        double[] cos = new double[512];
        double[] sin = new double[512];
        for (int m = 0; m < 512; m++) {
            cos[m] = Math.cos(2 * Math.PI * m / 512);
            sin[m] = Math.sin(2 * Math.PI * m / 512);
        }
        double[] out = new double[2 * frames * 257];
        double[] frame = new double[400];
        for (int t = 0; t < frames; t++) {
            for (int n = 0; n < 400; n++) {
                frame[n] = x[160 * t + n] * (0.5 - 0.5 * Math.cos(2 * Math.PI * n / 400));
            }
            for (int k = 0; k < 257; k++) {
                double re = 0;
                double im = 0;
                for (int n = 0; n < 400; n++) {
                    int m = (k * n) % 512;
                    re += frame[n] * cos[m];
                    im -= frame[n] * sin[m];
                }
                out[t * 257 + k] = Math.signum(re) * Math.pow(Math.abs(re), 0.3);
                out[frames * 257 + t * 257 + k] = Math.signum(im) * Math.pow(Math.abs(im), 0.3);
            }
        }
        return out;
    }

    private static double relativeError(float[] actual, double[] expected) {
        assertThat(actual).hasSize(expected.length);
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < expected.length; i++) {
            diff += (actual[i] - expected[i]) * (actual[i] - expected[i]);
            norm += expected[i] * expected[i];
        }
        return Math.sqrt(diff / norm);
    }

    @Test
    void matchesTheDefinitionOnRandomSignals() {
        Random random = new Random(42);
        for (int length : new int[] {400, 401, 559, 560, 4321, 16_000}) {
            float[] x = new float[length];
            for (int i = 0; i < length; i++) {
                x[i] = random.nextFloat() * 2 - 1;
            }
            assertThat(relativeError(new Spectrogram().compute(x), reference(x)))
                    .as("%d samples", length).isLessThan(MAX_RELATIVE_FROBENIUS_ERROR);
        }
    }

    @Test
    void matchesTheDefinitionOnSixSecondsOfSpeechLikeAudio() {
        float[] vowel = VoiceActivityDetectorTest.vowel(SpeechSegment.SEGMENT_SAMPLES, 0.1, 11);
        float[] noise = VoiceActivityDetectorTest.whiteNoise(SpeechSegment.SEGMENT_SAMPLES, 0.01, 12);
        float[] x = new float[vowel.length];
        for (int i = 0; i < x.length; i++) {
            // Syllable-rate (4 Hz) loudness changes, with silent gaps, over a noise floor.
            double envelope = Math.max(0, Math.sin(2 * Math.PI * 4 * i / 16_000.0));
            x[i] = (float) (vowel[i] * envelope + noise[i]);
        }
        float[] spectrogram = new Spectrogram().compute(x);
        assertThat(spectrogram).hasSize(2 * 598 * 257);
        assertThat(relativeError(spectrogram, reference(x))).isLessThan(MAX_RELATIVE_FROBENIUS_ERROR);
    }

    @Test
    void imaginaryPartsOfTheDcAndNyquistBinsAreZero() {
        float[] x = VoiceActivityDetectorTest.whiteNoise(2000, 0.3, 13);
        int frames = Spectrogram.frameCount(x.length);
        float[] s = new Spectrogram().compute(x);
        for (int t = 0; t < frames; t++) {
            assertThat(s[frames * 257 + t * 257]).isZero();
            assertThat(s[frames * 257 + t * 257 + 256]).isZero();
        }
    }

    @Test
    void frameCountFollowsTheDefinition() {
        assertThat(Spectrogram.frameCount(SpeechSegment.SEGMENT_SAMPLES)).isEqualTo(598);
        assertThat(Spectrogram.frameCount(399)).isZero();
        assertThat(Spectrogram.frameCount(400)).isEqualTo(1);
        assertThat(Spectrogram.frameCount(559)).isEqualTo(1);
        assertThat(Spectrogram.frameCount(560)).isEqualTo(2);
        assertThatThrownBy(() -> new Spectrogram().compute(new float[399]))
                .isInstanceOf(AudioFormatException.class)
                .hasMessage("samples: 399 samples is shorter than one 400-sample frame");
    }

    @Test
    void shortSegmentsAreRepeatedToSixSecondsAndLongOnesCut() {
        float[] second = VoiceActivityDetectorTest.whiteNoise(16_000, 0.1, 14);
        float[] six = SpeechSegment.toSixSeconds(second);
        assertThat(six).hasSize(96_000);
        for (int i = 0; i < six.length; i++) {
            assertThat(six[i]).isEqualTo(second[i % second.length]);
        }
        float[] odd = VoiceActivityDetectorTest.whiteNoise(7_001, 0.1, 15);
        float[] repeated = SpeechSegment.toSixSeconds(odd);
        assertThat(repeated[7_001 * 13 + 5]).isEqualTo(odd[5]);
        float[] long_ = VoiceActivityDetectorTest.whiteNoise(100_000, 0.1, 16);
        assertThat(SpeechSegment.toSixSeconds(long_)).containsExactly(java.util.Arrays.copyOf(long_, 96_000));
        assertThat(new Spectrogram().compute(SpeechSegment.toSixSeconds(odd))).hasSize(2 * 598 * 257);
        assertThatThrownBy(() -> SpeechSegment.toSixSeconds(new float[0])).isInstanceOf(AudioFormatException.class);
    }
}
