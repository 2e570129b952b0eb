package io.callface.trainer.train;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One manifest row: a speech clip of an identity and that identity's face.
 *
 * @param identity speaker id
 * @param split    train, val or test
 * @param audio    absolute path of the 16 kHz mono PCM16 WAV
 * @param face     absolute path of the RGB PNG; its landmarks sit beside it as {@code <name>.landmarks.csv}
 */
public record CorpusEntry(String identity, Split split, Path audio, Path face) {
    public CorpusEntry {
        if (identity == null || identity.isBlank()) {
            throw new CorpusException("identity must not be blank");
        }
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(audio, "audio");
        Objects.requireNonNull(face, "face");
    }

    /** {@code faces/<identity>.landmarks.csv} for {@code faces/<identity>.png}. */
    public Path landmarks() {
        String name = face.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return face.resolveSibling((dot < 0 ? name : name.substring(0, dot)) + ".landmarks.csv");
    }
}
