package io.callface.trainer.listen;

import io.callface.trainer.synth.Sex;
import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One labelled recording of a {@link SpeechManifest}.
 *
 * @param audio    the WAV file (absolute)
 * @param sex      the speaker's sex
 * @param ageYears the speaker's age in years, where known
 */
public record SpeechFile(Path audio, Sex sex, OptionalDouble ageYears) {
    public SpeechFile {
        Objects.requireNonNull(audio, "audio");
        Objects.requireNonNull(sex, "sex");
        Objects.requireNonNull(ageYears, "ageYears");
    }
}
