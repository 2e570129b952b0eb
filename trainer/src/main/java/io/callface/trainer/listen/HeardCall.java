package io.callface.trainer.listen;

import io.callface.trainer.eval.AttributeJudgement;
import io.callface.trainer.eval.DecodedFace;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code listen} made of one recording heard as a call.
 *
 * @param file          the labelled recording
 * @param heardSeconds  voiced audio the call's last face summarises (its full windows and, when the last window is
 *                      provisional, that window)
 * @param fullWindows   6 s windows fused into the call's embedding
 * @param provisional   provisional windows (the 3 s preview, the last shorter window)
 * @param face          the face of the call's last avatar; empty when the recording holds under 3 s of voice, so the
 *                      stream would show no face
 * @param judgement     the attribute classifiers' verdict on that face
 */
public record HeardCall(SpeechFile file, double heardSeconds, int fullWindows, int provisional,
                        Optional<DecodedFace> face, Optional<AttributeJudgement> judgement) {
    public HeardCall {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(face, "face");
        Objects.requireNonNull(judgement, "judgement");
        if (face.isPresent() != judgement.isPresent()) {
            throw new IllegalArgumentException("a face and its judgement come together");
        }
    }

    /** Whether the judged sex of the face is the speaker's; empty without a face. */
    public Optional<Boolean> sexAgrees() {
        return judgement.map(j -> j.sex() == file.sex());
    }
}
