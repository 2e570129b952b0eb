package io.callface.trainer.train;

import io.callface.model.ModelContract;
import io.callface.trainer.synth.CorpusFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * An RGB image of {@code size x size} held as bytes, channel-major ({@code [3, size, size]}): a quarter of
 * the memory of floats, so the face stage can keep several renderings of hundreds of identities at 128 px
 * (700 x 5 x 3 x 128 x 128 is 0.34 GB as bytes, 1.4 GB as floats). The PNGs are 8-bit, so nothing is lost.
 */
public final class PackedImage {
    private final int size;
    private final byte[] chw;

    private PackedImage(int size, byte[] chw) {
        this.size = size;
        this.chw = chw;
    }

    /** Reads {@code file}, resized to {@code size} x {@code size} (bilinear) when needed. */
    public static PackedImage read(Path file, int size) {
        BufferedImage source;
        try {
            source = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new CorpusFormatException("cannot read face " + file + ": " + e.getMessage(), e);
        }
        if (source == null) {
            throw new CorpusFormatException("face " + file + ": not a readable image");
        }
        return of(source, size);
    }

    /** {@code source} resized to {@code size} x {@code size} (bilinear) when needed. */
    public static PackedImage of(BufferedImage source, int size) {
        BufferedImage rgb = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(source, 0, 0, size, size, null);
        g.dispose();
        int plane = size * size;
        byte[] chw = new byte[ModelContract.IMAGE_CHANNELS * plane];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int p = rgb.getRGB(x, y);
                int i = y * size + x;
                chw[i] = (byte) (p >> 16);
                chw[plane + i] = (byte) (p >> 8);
                chw[2 * plane + i] = (byte) p;
            }
        }
        return new PackedImage(size, chw);
    }

    int size() {
        return size;
    }

    /** Number of floats {@link #copyTo} writes: {@code 3 * size * size}. */
    int floats() {
        return chw.length;
    }

    /** Writes the image as floats in [0, 1] into {@code dest} at {@code offset}. */
    public void copyTo(float[] dest, int offset) {
        for (int i = 0; i < chw.length; i++) {
            dest[offset + i] = (chw[i] & 0xff) / 255f;
        }
    }
}
