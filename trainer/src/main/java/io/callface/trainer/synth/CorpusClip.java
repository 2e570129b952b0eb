package io.callface.trainer.synth;

import java.nio.file.Path;

/** One usable manifest row: a WAV clip of an identity paired with its face image and landmarks (absolute paths). */
public record CorpusClip(String identity, Split split, Path audio, Path face, Path landmarks) {
    public CorpusClip {
        if (identity == null || identity.isBlank()) {
            throw new IllegalArgumentException("identity: must not be blank");
        }
        if (split == null || audio == null || face == null || landmarks == null) {
            throw new IllegalArgumentException("split, audio, face, landmarks: must not be null");
        }
    }
}
