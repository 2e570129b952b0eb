package io.callface.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResamplerTest {
    private static final double MIN_TONE_SNR_DB = 60;
    private static final double MIN_STOP_BAND_ATTENUATION_DB = 60;
    /** Ignore the first and last 20 ms, where the zero signal outside the input enters the filter. */
    private static final int EDGE = 320;

    private static float[] tone(double hz, int rate, int samples) {
        float[] x = new float[samples];
        for (int i = 0; i < samples; i++) {
            x[i] = (float) (0.5 * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return x;
    }

    private static double db(double ratio) {
        return 10 * Math.log10(ratio);
    }

    @ParameterizedTest
    @ValueSource(ints = {8000, 11025, 22050, 24000, 32000, 44100, 48000})
    void keepsAOneKilohertzToneClean(int rate) {
        float[] out = Resampler.to16k(tone(1000, rate, rate), rate);
        float[] ideal = tone(1000, 16_000, out.length);
        double signal = 0;
        double noise = 0;
        for (int j = EDGE; j < out.length - EDGE; j++) {
            signal += ideal[j] * ideal[j];
            noise += (out[j] - ideal[j]) * (out[j] - ideal[j]);
        }
        assertThat(db(signal / noise)).as("SNR at %d Hz", rate).isGreaterThanOrEqualTo(MIN_TONE_SNR_DB);
    }

    @ParameterizedTest
    @ValueSource(ints = {22050, 24000, 32000, 44100, 48000})
    void removesContentAboveEightKilohertz(int rate) {
        for (double hz = 8200; hz < rate / 2.0; hz += 1300) {
            float[] out = Resampler.to16k(tone(hz, rate, rate / 2), rate);
            double energy = 0;
            for (int j = EDGE; j < out.length - EDGE; j++) {
                energy += out[j] * out[j];
            }
            double inputPower = 0.5 * 0.5 / 2;
            double attenuation = -db(energy / (out.length - 2 * EDGE) / inputPower);
            assertThat(attenuation).as("%.0f Hz at %d Hz", hz, rate).isGreaterThanOrEqualTo(MIN_STOP_BAND_ATTENUATION_DB);
        }
    }

    @Test
    void upsamplingLeavesNoImagesOfAPassBandTone() {
        // 3 kHz from 8 kHz would image at 5 kHz; comparing with the ideal tone counts the image as noise.
        float[] out = Resampler.to16k(tone(3000, 8000, 8000), 8000);
        float[] ideal = tone(3000, 16_000, out.length);
        double signal = 0;
        double noise = 0;
        for (int j = EDGE; j < out.length - EDGE; j++) {
            signal += ideal[j] * ideal[j];
            noise += (out[j] - ideal[j]) * (out[j] - ideal[j]);
        }
        assertThat(db(signal / noise)).isGreaterThanOrEqualTo(MIN_TONE_SNR_DB);
    }

    @ParameterizedTest
    @ValueSource(ints = {8000, 11025, 16000, 22050, 24000, 32000, 44100, 48000})
    void outputLengthFollowsTheDuration(int rate) {
        for (int n : new int[] {0, 1, 7, 441, 1000, 12_345}) {
            long expected = ((long) n * 16_000 + rate - 1) / rate;
            assertThat(Resampler.to16k(new float[n], rate)).as("%d samples at %d Hz", n, rate).hasSize((int) expected);
        }
    }

    @Test
    void sixteenKilohertzPassesThroughAndUnsupportedRatesAreRejected() {
        float[] x = tone(440, 16_000, 1000);
        assertThat(AudioFrontEnd.to16kMono(x, 16_000)).containsExactly(x);
        assertThatThrownBy(() -> new StreamingResampler(12_345))
                .isInstanceOf(AudioFormatException.class).hasMessageStartingWith("sampleRate: 12345 Hz is not supported");
    }

    @Provide
    Arbitrary<Integer> rates() {
        return Arbitraries.of(StreamFormat.SUPPORTED_SAMPLE_RATES);
    }

    @Property(tries = 60)
    void chunkedInputGivesTheOneShotOutputExactly(@ForAll("rates") int rate,
                                                  @ForAll @IntRange(max = 6000) int length,
                                                  @ForAll @Size(min = 1, max = 20) List<@IntRange(min = 0, max = 900) Integer> chunkSizes,
                                                  @ForAll long seed) {
        Random random = new Random(seed);
        float[] signal = new float[length];
        for (int i = 0; i < length; i++) {
            signal[i] = random.nextFloat() * 2 - 1;
        }
        float[] oneShot = Resampler.to16k(signal, rate);

        StreamingResampler streaming = new StreamingResampler(rate);
        List<float[]> pieces = new ArrayList<>();
        int at = 0;
        for (int c = 0; at < length; c = (c + 1) % chunkSizes.size()) {
            int size = Math.min(chunkSizes.get(c), length - at);
            pieces.add(streaming.process(java.util.Arrays.copyOfRange(signal, at, at + size)));
            at += size;
            if (chunkSizes.stream().allMatch(s -> s == 0)) {
                break;
            }
        }
        if (at < length) {
            pieces.add(streaming.process(java.util.Arrays.copyOfRange(signal, at, length)));
        }
        pieces.add(streaming.flush());
        float[] chunked = concat(pieces);
        assertThat(chunked).containsExactly(oneShot);
        // After flush the resampler starts a fresh stream.
        assertThat(concat(List.of(streaming.process(signal), streaming.flush()))).containsExactly(oneShot);
    }

    @ParameterizedTest
    @ValueSource(ints = {8000, 11025, 22050, 24000, 32000, 44100, 48000})
    void anyChunkingDownToSingleSamplesGivesTheOneShotOutputExactly(int rate) {
        Random random = new Random(rate);
        float[] signal = noise(random, rate + 123);
        float[] oneShot = Resampler.to16k(signal, rate);

        StreamingResampler streaming = new StreamingResampler(rate);
        List<float[]> pieces = new ArrayList<>();
        int at = 0;
        while (at < signal.length) {
            // Runs of single samples, then random sizes up to a few tiles of the batched kernel.
            int size = at < rate / 4 ? 1 : 1 + random.nextInt(random.nextBoolean() ? 40 : 5000);
            int end = Math.min(signal.length, at + size);
            pieces.add(streaming.process(java.util.Arrays.copyOfRange(signal, at, end)));
            at = end;
        }
        pieces.add(streaming.flush());
        assertThat(concat(pieces)).containsExactly(oneShot);
    }

    /**
     * Each output against the filter's definition, summed in double with no streaming machinery: output j at
     * input position j*down/up, taps of phase (j*down mod up), zeros outside the signal. A float sum of n
     * products is within gamma(n+1) * sum|h x| of the exact sum (gamma(n) = n u / (1 - n u), u = 2^-24).
     */
    @ParameterizedTest
    @ValueSource(ints = {8000, 11025, 22050, 24000, 32000, 44100, 48000})
    void matchesADoublePrecisionReferenceWithinFloatSummationError(int rate) {
        float[] signal = noise(new Random(7 * rate), rate);
        float[] out = Resampler.to16k(signal, rate);
        ResamplingFilter filter = ResamplingFilter.to16k(rate);
        int width = 2 * filter.halfTaps;
        double u = Math.ulp(1f) / 2;
        double gamma = (width + 1) * u / (1 - (width + 1) * u);
        for (int j = 0; j < out.length; j++) {
            long position = (long) j * filter.down;
            int base = (int) (position / filter.up);
            int row = (int) (position % filter.up) * width;
            double exact = 0;
            double magnitude = 0;
            for (int k = 0; k < width; k++) {
                int i = base - filter.halfTaps + 1 + k;
                double x = i >= 0 && i < signal.length ? signal[i] : 0;
                exact += filter.taps[row + k] * x;
                magnitude += Math.abs(filter.taps[row + k] * x);
            }
            assertThat((double) out[j]).as("output %d at %d Hz", j, rate).isCloseTo(exact, offset(gamma * magnitude));
        }
    }

    private static float[] noise(Random random, int length) {
        float[] x = new float[length];
        for (int i = 0; i < length; i++) {
            x[i] = random.nextFloat() * 2 - 1;
        }
        return x;
    }

    private static float[] concat(List<float[]> pieces) {
        float[] out = new float[pieces.stream().mapToInt(p -> p.length).sum()];
        int at = 0;
        for (float[] p : pieces) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
