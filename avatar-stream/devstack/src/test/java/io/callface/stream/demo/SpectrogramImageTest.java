package io.callface.stream.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.callface.audio.Spectrogram;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class SpectrogramImageTest {
    private static final int BINS = Spectrogram.BINS;

    @Test
    void aToneIsOneBrightRowAtItsFrequencyCountedFromTheBottom() {
        // 1 kHz is bin 32 (31.25 Hz per bin); the picture is 257 rows high with 0 Hz in the last row.
        float[] samples = new float[16_000];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (float) (0.5 * Math.sin(2 * Math.PI * 1000 * i / 16_000.0));
        }
        int frames = Spectrogram.frameCount(samples.length);

        BufferedImage image = SpectrogramImage.of(new Spectrogram().compute(samples), frames);

        assertThat(image.getWidth()).isEqualTo(frames);
        assertThat(image.getHeight()).isEqualTo(BINS);
        for (int t = 0; t < frames; t += 10) {
            assertThat(brightestRow(image, t)).as("frame %d", t).isEqualTo(BINS - 1 - 32);
        }
        assertThat(brightness(image.getRGB(frames / 2, BINS - 1 - 200))).as("far from the tone")
                .isLessThan(brightness(image.getRGB(frames / 2, BINS - 1 - 32)) / 4);
    }

    @Test
    void brightnessIsTheModulusInDecibelsWhateverThePhase() {
        // Bin 10 of three frames: |S| = 1 all real, |S| = 1 at 45 degrees, |S| = 0.5 all imaginary. The front end
        // compresses each part, so the first two differ in their parts (1 and 0, 0.707^0.3 twice) but not in |S|;
        // the third is 6 dB down, a tenth of the 60 dB range.
        float[] spectrogram = new float[2 * 3 * BINS];
        float diagonal = (float) Math.pow(Math.sqrt(0.5), 0.3);
        spectrogram[10] = -1f;
        spectrogram[BINS + 10] = diagonal;
        spectrogram[3 * BINS + BINS + 10] = diagonal;
        spectrogram[3 * BINS + 2 * BINS + 10] = (float) Math.pow(0.5, 0.3);

        BufferedImage image = SpectrogramImage.of(spectrogram, 3);

        assertThat(image.getRGB(0, BINS - 1 - 10) & 0xffffff).isEqualTo(SpectrogramImage.colour(1));
        assertThat(image.getRGB(1, BINS - 1 - 10) & 0xffffff).isEqualTo(SpectrogramImage.colour(1));
        assertThat(image.getRGB(2, BINS - 1 - 10) & 0xffffff)
                .isEqualTo(SpectrogramImage.colour(1 - 20 * Math.log10(2) / 60));
        assertThat(image.getRGB(0, 0) & 0xffffff).isEqualTo(SpectrogramImage.colour(0));
    }

    @Test
    void levelsSpanSixtyDecibelsBelowTheLoudest() {
        assertThat(SpectrogramImage.level(1, 1)).isEqualTo(1);
        assertThat(SpectrogramImage.level(0.1, 1)).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(SpectrogramImage.level(1e-3, 1)).isCloseTo(0, within(1e-12));
        assertThat(SpectrogramImage.level(1e-4, 1)).isZero();
        assertThat(SpectrogramImage.level(0, 1)).isZero();
        assertThat(SpectrogramImage.level(0, 0)).isZero();
    }

    @Test
    void silenceIsTheDarkestColourEverywhere() {
        BufferedImage image = SpectrogramImage.of(new float[2 * 3 * BINS], 3);

        for (int t = 0; t < 3; t++) {
            for (int y = 0; y < BINS; y++) {
                assertThat(image.getRGB(t, y) & 0xffffff).isEqualTo(0x000004);
            }
        }
    }

    @Test
    void thePaletteRunsFromDarkToLightAndHitsItsStops() {
        assertThat(SpectrogramImage.colour(0)).isEqualTo(0x000004);
        assertThat(channelDifference(SpectrogramImage.colour(0.5), 0x8c2981)).isLessThanOrEqualTo(2);
        assertThat(SpectrogramImage.colour(1)).isEqualTo(0xfcfdbf);
        assertThat(SpectrogramImage.colour(2)).isEqualTo(0xfcfdbf);
        double previous = -1;
        for (double level = 0; level <= 1; level += 0.05) {
            double now = brightness(SpectrogramImage.colour(level));
            assertThat(now).as("level %.2f", level).isGreaterThan(previous);
            previous = now;
        }
    }

    @Test
    void refusesATensorOfAnotherShape() {
        assertThatThrownBy(() -> SpectrogramImage.of(new float[2 * BINS + 1], 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SpectrogramImage.of(new float[0], 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static int brightestRow(BufferedImage image, int x) {
        int best = 0;
        for (int y = 1; y < image.getHeight(); y++) {
            if (brightness(image.getRGB(x, y)) > brightness(image.getRGB(x, best))) {
                best = y;
            }
        }
        return best;
    }

    private static int channelDifference(int rgb, int other) {
        int largest = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            largest = Math.max(largest, Math.abs(((rgb >> shift) & 0xff) - ((other >> shift) & 0xff)));
        }
        return largest;
    }

    /** Relative luminance-like weight of an RGB colour. */
    private static double brightness(int rgb) {
        return 0.2126 * ((rgb >> 16) & 0xff) + 0.7152 * ((rgb >> 8) & 0xff) + 0.0722 * (rgb & 0xff);
    }
}
