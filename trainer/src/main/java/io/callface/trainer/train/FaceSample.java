package io.callface.trainer.train;

import io.callface.trainer.synth.CorpusClip;
import io.callface.trainer.synth.CorpusFormatException;
import io.callface.trainer.synth.LandmarksCsv;
import java.io.IOException;
import java.nio.file.Path;

/**
 * An identity's face as the networks see it: RGB {@code [3, size, size]} channel-major in [0, 1] and 68
 * landmarks {@code (x, y)} in [0, 1].
 */
public final class FaceSample {
    private final String identity;
    private final PackedImage image;
    private final float[] landmarks;

    private FaceSample(String identity, PackedImage image, float[] landmarks) {
        this.identity = identity;
        this.image = image;
        this.landmarks = landmarks;
    }

    /** Loads {@code clip}'s PNG (resized to {@code size} x {@code size} when needed) and landmarks CSV. */
    public static FaceSample load(CorpusClip clip, int size) {
        return new FaceSample(clip.identity(), PackedImage.read(clip.face(), size), readLandmarks(clip.landmarks()));
    }

    public String identity() {
        return identity;
    }

    public int size() {
        return image.size();
    }

    /** Copies the {@code 3*size*size} image floats into {@code dest} at {@code offset}. */
    public void copyImage(float[] dest, int offset) {
        image.copyTo(dest, offset);
    }

    /** Copies the 136 landmark floats ({@code x0, y0, x1, ...}) into {@code dest} at {@code offset}. */
    public void copyLandmarks(float[] dest, int offset) {
        System.arraycopy(landmarks, 0, dest, offset, landmarks.length);
    }

    private static float[] readLandmarks(Path file) {
        try {
            return LandmarksCsv.read(file);
        } catch (IOException e) {
            throw new CorpusFormatException("cannot read landmarks " + file + ": " + e.getMessage(), e);
        }
    }
}
