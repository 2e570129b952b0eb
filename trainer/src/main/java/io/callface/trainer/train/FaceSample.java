package io.callface.trainer.train;

import io.callface.trainer.synth.CorpusClip;
import io.callface.trainer.synth.CorpusFormatException;
import io.callface.trainer.synth.LandmarksCsv;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * An identity's face as the networks see it: RGB {@code [3, size, size]} channel-major in [0, 1] and 68
 * landmarks {@code (x, y)} in [0, 1], when known (a real photo aligned from 5 points has none).
 */
public final class FaceSample {
    private final String identity;
    private final PackedImage image;
    private final Optional<float[]> landmarks;

    private FaceSample(String identity, PackedImage image, Optional<float[]> landmarks) {
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

    public boolean hasLandmarks() {
        return landmarks.isPresent();
    }

    /**
     * Copies the 136 landmark floats ({@code x0, y0, x1, ...}) into {@code dest} at {@code offset} and returns true,
     * or leaves {@code dest} alone and returns false when they are not known.
     */
    public boolean copyLandmarks(float[] dest, int offset) {
        landmarks.ifPresent(known -> System.arraycopy(known, 0, dest, offset, known.length));
        return landmarks.isPresent();
    }

    private static Optional<float[]> readLandmarks(Path file) {
        try {
            return LandmarksCsv.readIfKnown(file);
        } catch (IOException e) {
            throw new CorpusFormatException("cannot read landmarks " + file + ": " + e.getMessage(), e);
        }
    }
}
