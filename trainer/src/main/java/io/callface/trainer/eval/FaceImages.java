package io.callface.trainer.eval;

import io.callface.stream.model.ModelContract;
import io.callface.trainer.synth.CorpusFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Reads a face PNG as the networks see it, {@code [3, size, size]} channel-major in [0, 1], resized bilinearly
 * exactly as {@link io.callface.trainer.train.FaceSample} does, so renderings and canonical faces match.
 */
final class FaceImages {
    private FaceImages() {
    }

    static float[] read(Path file, int size) {
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
}
