package io.callface.trainer.train;

import io.callface.stream.model.ModelContract;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    /** Loads {@code entry}'s PNG (resized to {@code size} x {@code size} when needed) and landmarks CSV. */
    public static FaceSample load(CorpusEntry entry, int size) {
        return new FaceSample(entry.identity(), size, readImage(entry.face(), size), readLandmarks(entry.landmarks()));
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
            throw new CorpusException("cannot read face " + file + ": " + e.getMessage(), e);
        }
        if (source == null) {
            throw new CorpusException("face " + file + ": not a readable image");
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
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip)
                    .filter(l -> !l.isEmpty()).toList();
        } catch (IOException e) {
            throw new CorpusException("cannot read landmarks " + file + ": " + e.getMessage(), e);
        }
        if (lines.size() != ModelContract.LANDMARK_COUNT) {
            throw new CorpusException("landmarks " + file + ": expected " + ModelContract.LANDMARK_COUNT
                    + " lines, got " + lines.size());
        }
        float[] xy = new float[2 * ModelContract.LANDMARK_COUNT];
        for (int i = 0; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",");
            try {
                xy[2 * i] = Float.parseFloat(cells[0]);
                xy[2 * i + 1] = Float.parseFloat(cells[1]);
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new CorpusException("landmarks " + file + " line " + (i + 1) + ": expected 'x,y', got '"
                        + lines.get(i) + "'", e);
            }
            if (!(xy[2 * i] >= 0 && xy[2 * i] <= 1 && xy[2 * i + 1] >= 0 && xy[2 * i + 1] <= 1)) {
                throw new CorpusException("landmarks " + file + " line " + (i + 1) + ": coordinates must be in [0, 1], got '"
                        + lines.get(i) + "'");
            }
        }
        return xy;
    }
}
