package io.callface.model.features;

import io.callface.model.ModelContract;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import javax.imageio.ImageIO;

/**
 * Turns a decoded face image (planar RGB floats) into PNG bytes.
 *
 * <p>Each value is clamped to [0, 1] and mapped to 8 bits as {@code round(v * 255)}. The resizing variant
 * scales so that the longer side becomes {@code outputSize}, keeping the aspect ratio: bicubic when enlarging;
 * when shrinking, halving steps with bilinear filtering until within a factor of two, then one bilinear step, so
 * that strong reductions do not alias.
 */
public final class FaceImageEncoder {
    private FaceImageEncoder() {
    }

    /**
     * Encodes the image at its own size.
     *
     * @param imageChw RGB image, planar {@code [3, h, w]}
     * @throws IllegalArgumentException when sizes disagree or a value is NaN
     */
    public static byte[] toPng(float[] imageChw, int h, int w) {
        return png(toRgb(imageChw, h, w));
    }

    /**
     * Encodes the image resized so that its longer side is {@code outputSize} pixels.
     *
     * @throws IllegalArgumentException when sizes disagree, {@code outputSize} is not positive, or a value is NaN
     */
    public static byte[] toPng(float[] imageChw, int h, int w, int outputSize) {
        if (outputSize <= 0) {
            throw new IllegalArgumentException("outputSize must be positive, got " + outputSize);
        }
        BufferedImage image = toRgb(imageChw, h, w);
        double scale = (double) outputSize / Math.max(h, w);
        int targetWidth = Math.max(1, (int) Math.round(w * scale));
        int targetHeight = Math.max(1, (int) Math.round(h * scale));
        return png(resize(image, targetWidth, targetHeight));
    }

    private static BufferedImage toRgb(float[] imageChw, int h, int w) {
        Objects.requireNonNull(imageChw, "imageChw");
        if (h <= 0 || w <= 0) {
            throw new IllegalArgumentException("h and w must be positive, got " + h + "x" + w);
        }
        int plane = Math.multiplyExact(h, w);
        if (imageChw.length != (long) ModelContract.IMAGE_CHANNELS * plane) {
            throw new IllegalArgumentException("imageChw has " + imageChw.length + " floats, expected 3 x " + h
                    + " x " + w + " = " + (long) ModelContract.IMAGE_CHANNELS * plane);
        }
        int[] rgb = new int[plane];
        for (int i = 0; i < plane; i++) {
            rgb[i] = to8Bit(imageChw, i) << 16 | to8Bit(imageChw, plane + i) << 8 | to8Bit(imageChw, 2 * plane + i);
        }
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, w, h, rgb, 0, w);
        return image;
    }

    private static int to8Bit(float[] values, int index) {
        float value = values[index];
        if (Float.isNaN(value)) {
            throw new IllegalArgumentException("imageChw[" + index + "] is NaN");
        }
        return Math.round(Math.min(1f, Math.max(0f, value)) * 255f);
    }

    private static BufferedImage resize(BufferedImage image, int targetWidth, int targetHeight) {
        BufferedImage current = image;
        while (current.getWidth() / 2 >= targetWidth && current.getHeight() / 2 >= targetHeight) {
            current = draw(current, current.getWidth() / 2, current.getHeight() / 2,
                    RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        }
        if (current.getWidth() == targetWidth && current.getHeight() == targetHeight) {
            return current;
        }
        boolean enlarging = targetWidth > current.getWidth() || targetHeight > current.getHeight();
        return draw(current, targetWidth, targetHeight, enlarging
                ? RenderingHints.VALUE_INTERPOLATION_BICUBIC : RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    }

    private static BufferedImage draw(BufferedImage source, int width, int height, Object interpolation) {
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = target.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
            graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            graphics.drawImage(source, 0, 0, width, height, null);
        } finally {
            graphics.dispose();
        }
        return target;
    }

    private static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("this Java runtime has no PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode PNG", e);
        }
        return out.toByteArray();
    }
}
