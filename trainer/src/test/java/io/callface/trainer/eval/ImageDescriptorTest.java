package io.callface.trainer.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ImageDescriptorTest {
    private static final int COLOUR = ImageDescriptor.COLOUR_GRID * ImageDescriptor.COLOUR_GRID;

    @Test
    void aFlatImageHasItsColourInEveryCellAndNoGradient() {
        float[] d = ImageDescriptor.of(flat(64, 0.2f, 0.5f, 0.9f), 64, 64);

        assertThat(d).hasSize(ImageDescriptor.LENGTH);
        for (int cell = 0; cell < COLOUR; cell++) {
            assertThat(d[cell]).isCloseTo(0.2f, within(1e-6f));
            assertThat(d[COLOUR + cell]).isCloseTo(0.5f, within(1e-6f));
            assertThat(d[2 * COLOUR + cell]).isCloseTo(0.9f, within(1e-6f));
        }
        for (int cell = 3 * COLOUR; cell < ImageDescriptor.LENGTH; cell++) {
            assertThat(d[cell]).isZero();
        }
    }

    @Test
    void colourCellsAreAreaMeansAtAnyResolution() {
        // Left half white, right half black: the same colour layout at 64 and 128 px.
        float[] small = ImageDescriptor.of(halves(64), 64, 64);
        float[] large = ImageDescriptor.of(halves(128), 128, 128);

        for (int cell = 0; cell < 3 * COLOUR; cell++) {
            int column = cell % ImageDescriptor.COLOUR_GRID;
            float expected = column < ImageDescriptor.COLOUR_GRID / 2 ? 1 : 0;
            assertThat(small[cell]).as("cell " + cell).isEqualTo(expected);
            assertThat(large[cell]).as("cell " + cell).isEqualTo(expected);
        }
    }

    @Test
    void fineStripesShowAsGradientEnergyWhereTheyAre() {
        // Stripes of one-pixel period in the top half only: texture the colour grid averages to grey.
        int size = 64;
        float[] image = flat(size, 0.5f, 0.5f, 0.5f);
        int plane = size * size;
        for (int y = 0; y < size / 2; y++) {
            for (int x = 0; x < size; x += 2) {
                for (int c = 0; c < 3; c++) {
                    image[c * plane + y * size + x] = 1;
                }
            }
        }

        float[] d = ImageDescriptor.of(image, size, size);

        int g = ImageDescriptor.GRADIENT_GRID;
        float top = d[3 * COLOUR + g + g / 2];
        float bottom = d[3 * COLOUR + (g - 2) * g + g / 2];
        assertThat(top).isGreaterThan(0.4f);
        assertThat(bottom).isZero();
    }

    @Test
    void rejectsImagesSmallerThanTheGrid() {
        assertThatThrownBy(() -> ImageDescriptor.of(new float[3 * 16 * 16], 16, 16))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sides >= 32");
    }

    static float[] flat(int size, float r, float g, float b) {
        int plane = size * size;
        float[] image = new float[3 * plane];
        java.util.Arrays.fill(image, 0, plane, r);
        java.util.Arrays.fill(image, plane, 2 * plane, g);
        java.util.Arrays.fill(image, 2 * plane, 3 * plane, b);
        return image;
    }

    private static float[] halves(int size) {
        int plane = size * size;
        float[] image = new float[3 * plane];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size / 2; x++) {
                for (int c = 0; c < 3; c++) {
                    image[c * plane + y * size + x] = 1;
                }
            }
        }
        return image;
    }
}
