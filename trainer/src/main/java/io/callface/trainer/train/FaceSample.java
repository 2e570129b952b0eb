package io.callface.trainer.train;

import io.callface.stream.model.ModelContract;
import io.callface.trainer.synth.CorpusClip;
import io.callface.trainer.synth.CorpusFormatException;
import io.callface.trainer.synth.LandmarksCsv;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * An identity's face as the networks see it: RGB {@code [3, size, size]} channel-major in [0, 1] and 68
 * landmarks {@code (x, y)} in [0, 1].
 */
public final class FaceSample {
    private final String identity;
    private final int size;
    private final float[] image;
    private final float[] landmarks;

    private FaceSample(String identity, int size, float[] image, float[] landmarks) {
        this.identity = identity;
        this.size = size;
        this.image = image;
        this.landmarks = landmarks;
    }

    /** Loads {@code clip}'s PNG (resized to {@code size} x {@code size} when needed) and landmarks CSV. */
    public static FaceSample load(CorpusClip clip, int size) {
        return new FaceSample(clip.identity(), size, readImage(clip.face(), size), readLandmarks(clip.landmarks()));
    }

    public String identity() {
        return identity;
    }

    public int size() {
        return size;
    }

    /** Copies the {@code 3*size*size} image floats into {@code dest} at {@code offset}. */
    public void copyImage(float[] dest, int offset) {
        System.arraycopy(image, 0, dest, offset, image.length);
    }

    /** Copies the 136 landmark floats ({@code x0, y0, x1, ...}) into {@code dest} at {@code offset}. */
    public void copyLandmarks(float[] dest, int offset) {
        System.arraycopy(landmarks, 0, dest, offset, landmarks.length);
    }

    private static float[] readImage(Path file, int size) {
        BufferedImage source;
        try {
            source = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new CorpusFormatException("cannot read face " + file + ": " + e.getMessage(), e);
        }
        if (source == null) {
            throw new CorpusFormatException("face " + file + ": not a readable image");
        }
        BufferedImage rgb = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(source, 0, 0, size, size, null);
        g.dispose();
        int plane = size * size;
        float[] chw = new float[ModelContract.IMAGE_CHANNELS * plane];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int p = rgb.getRGB(x, y);
                int i = y * size + x;
                chw[i] = ((p >> 16) & 0xff) / 255f;
                chw[plane + i] = ((p >> 8) & 0xff) / 255f;
                chw[2 * plane + i] = (p & 0xff) / 255f;
            }
        }
        return chw;
    }

    private static float[] readLandmarks(Path file) {
        try {
            return LandmarksCsv.read(file);
        } catch (IOException e) {
            throw new CorpusFormatException("cannot read landmarks " + file + ": " + e.getMessage(), e);
        }
    }
}
