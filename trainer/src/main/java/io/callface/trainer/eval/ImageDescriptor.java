package io.callface.trainer.eval;

import io.callface.model.ModelContract;

/**
 * The fixed pixel descriptor the attribute classifiers read, computed the same way from true and from decoded
 * faces (no learned part, so it cannot favour our networks):
 *
 * <ol>
 *   <li>colour layout: the RGB image area-averaged onto a {@value #COLOUR_GRID} x {@value #COLOUR_GRID} grid (each
 *       pixel counts towards the cell {@code (y * G / H, x * G / W)}), {@code 3 * G^2} values, channel-major;</li>
 *   <li>texture: the gradient magnitude {@code sqrt(dx^2 + dy^2)} of the luminance
 *       {@code 0.299 R + 0.587 G + 0.114 B} (ITU-R BT.601) by forward differences at full resolution, averaged
 *       onto a {@value #GRADIENT_GRID} x {@value #GRADIENT_GRID} grid: where the face has lines and fine detail
 *       (wrinkles, brows, stubble, hair strands) that the colour grid averages away.</li>
 * </ol>
 */
public final class ImageDescriptor {
    public static final int COLOUR_GRID = 32;
    public static final int GRADIENT_GRID = 16;
    public static final int LENGTH = ModelContract.IMAGE_CHANNELS * COLOUR_GRID * COLOUR_GRID
            + GRADIENT_GRID * GRADIENT_GRID;

    private ImageDescriptor() {
    }

    /** The descriptor of an RGB image {@code [3, height, width]} in [0, 1]; both sides at least {@value #COLOUR_GRID}. */
    public static float[] of(float[] chw, int height, int width) {
        int plane = height * width;
        if (height < COLOUR_GRID || width < COLOUR_GRID || chw.length != ModelContract.IMAGE_CHANNELS * plane) {
            throw new IllegalArgumentException("image: expected 3 x " + height + " x " + width + " floats with sides >= "
                    + COLOUR_GRID + ", got " + chw.length);
        }
        float[] out = new float[LENGTH];
        int cells = COLOUR_GRID * COLOUR_GRID;
        int[] colourCount = new int[cells];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int cell = (y * COLOUR_GRID / height) * COLOUR_GRID + x * COLOUR_GRID / width;
                colourCount[cell]++;
                for (int c = 0; c < ModelContract.IMAGE_CHANNELS; c++) {
                    out[c * cells + cell] += chw[c * plane + y * width + x];
                }
            }
        }
        for (int c = 0; c < ModelContract.IMAGE_CHANNELS; c++) {
            for (int cell = 0; cell < cells; cell++) {
                out[c * cells + cell] /= colourCount[cell];
            }
        }
        int offset = ModelContract.IMAGE_CHANNELS * cells;
        int[] gradientCount = new int[GRADIENT_GRID * GRADIENT_GRID];
        for (int y = 0; y < height - 1; y++) {
            for (int x = 0; x < width - 1; x++) {
                double here = luminance(chw, plane, y * width + x);
                double dx = luminance(chw, plane, y * width + x + 1) - here;
                double dy = luminance(chw, plane, (y + 1) * width + x) - here;
                int cell = (y * GRADIENT_GRID / (height - 1)) * GRADIENT_GRID + x * GRADIENT_GRID / (width - 1);
                out[offset + cell] += (float) Math.sqrt(dx * dx + dy * dy);
                gradientCount[cell]++;
            }
        }
        for (int cell = 0; cell < gradientCount.length; cell++) {
            out[offset + cell] /= gradientCount[cell];
        }
        return out;
    }

    private static double luminance(float[] chw, int plane, int i) {
        return 0.299 * chw[i] + 0.587 * chw[plane + i] + 0.114 * chw[2 * plane + i];
    }
}
