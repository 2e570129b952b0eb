package io.callface.model.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class FaceImageEncoderTest {
    /** Resampling may move a flat colour by one 8-bit step. */
    private static final int RESAMPLING_TOLERANCE = 1;

    @Test
    void encodesEveryPixelAsRoundedClampedEightBitRgb() throws IOException {
        int h = 5;
        int w = 7;
        float[] chw = new float[3 * h * w];
        Random random = new Random(3);
        for (int i = 0; i < chw.length; i++) {
            chw[i] = random.nextFloat() * 1.4f - 0.2f;
        }

        BufferedImage decoded = read(FaceImageEncoder.toPng(chw, h, w));

        assertThat(decoded.getWidth()).isEqualTo(w);
        assertThat(decoded.getHeight()).isEqualTo(h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = decoded.getRGB(x, y);
                int index = y * w + x;
                assertThat((rgb >> 16) & 0xff).isEqualTo(expected8Bit(chw[index]));
                assertThat((rgb >> 8) & 0xff).isEqualTo(expected8Bit(chw[h * w + index]));
                assertThat(rgb & 0xff).isEqualTo(expected8Bit(chw[2 * h * w + index]));
            }
        }
    }

    @Test
    void enlargesToTheOutputSizeKeepingFlatAreasAndAspect() throws IOException {
        int h = 8;
        int w = 16;
        float[] chw = new float[3 * h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean left = x < w / 2;
                chw[y * w + x] = left ? 1f : 0f;
                chw[2 * h * w + y * w + x] = left ? 0f : 1f;
            }
        }

        BufferedImage decoded = read(FaceImageEncoder.toPng(chw, h, w, 64));

        assertThat(decoded.getWidth()).isEqualTo(64);
        assertThat(decoded.getHeight()).isEqualTo(32);
        assertColour(decoded.getRGB(4, 16), 255, 0, 0);
        assertColour(decoded.getRGB(59, 16), 0, 0, 255);
    }

    @Test
    void shrinksStronglyWithoutChangingAFlatColour() throws IOException {
        int size = 64;
        float[] chw = new float[3 * size * size];
        Arrays.fill(chw, 0, size * size, 0.2f);
        Arrays.fill(chw, size * size, 2 * size * size, 0.4f);
        Arrays.fill(chw, 2 * size * size, 3 * size * size, 0.6f);

        BufferedImage decoded = read(FaceImageEncoder.toPng(chw, size, size, 6));

        assertThat(decoded.getWidth()).isEqualTo(6);
        assertThat(decoded.getHeight()).isEqualTo(6);
        for (int y = 0; y < 6; y++) {
            for (int x = 0; x < 6; x++) {
                assertColour(decoded.getRGB(x, y), 51, 102, 153);
            }
        }
    }

    @Test
    void rejectsNaNWrongSizesAndNonPositiveOutputSize() {
        float[] chw = new float[3 * 2 * 2];
        chw[5] = Float.NaN;
        assertThat(assertThrows(IllegalArgumentException.class, () -> FaceImageEncoder.toPng(chw, 2, 2))
                .getMessage()).contains("imageChw[5]");
        assertThat(assertThrows(IllegalArgumentException.class,
                () -> FaceImageEncoder.toPng(new float[11], 2, 2)).getMessage()).contains("11");
        assertThat(assertThrows(IllegalArgumentException.class,
                () -> FaceImageEncoder.toPng(new float[12], 2, 2, 0)).getMessage()).contains("outputSize");
    }

    private static int expected8Bit(float value) {
        return Math.round(Math.min(1f, Math.max(0f, value)) * 255f);
    }

    private static void assertColour(int rgb, int r, int g, int b) {
        assertThat((rgb >> 16) & 0xff).isBetween(r - RESAMPLING_TOLERANCE, r + RESAMPLING_TOLERANCE);
        assertThat((rgb >> 8) & 0xff).isBetween(g - RESAMPLING_TOLERANCE, g + RESAMPLING_TOLERANCE);
        assertThat(rgb & 0xff).isBetween(b - RESAMPLING_TOLERANCE, b + RESAMPLING_TOLERANCE);
    }

    private static BufferedImage read(byte[] png) throws IOException {
        assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        return ImageIO.read(new ByteArrayInputStream(png));
    }
}
