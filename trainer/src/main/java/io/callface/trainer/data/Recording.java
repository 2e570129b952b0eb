package io.callface.trainer.data;

import io.callface.trainer.synth.Split;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of a real-data corpus's {@code recordings.csv}: a recording of an identity and a photo of the same person,
 * with the photo's landmarks (68 or 5 points) when given.
 *
 * @param line the row's line number in the file, for reports
 */
public record Recording(int line, String identity, Split split, Path audio, Path face, Optional<Path> landmarks) {
    public Recording {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(audio, "audio");
        Objects.requireNonNull(face, "face");
        Objects.requireNonNull(landmarks, "landmarks");
    }
}
