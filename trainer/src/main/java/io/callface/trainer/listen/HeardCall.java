package io.callface.trainer.listen;

import io.callface.trainer.eval.AttributeJudgement;
import io.callface.trainer.eval.DecodedFace;
import java.util.List;
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
 * @param windowJudgements the verdict on each window's face decoded from its own embedding alone (no fusion), in order
 */
public record HeardCall(SpeechFile file, double heardSeconds, int fullWindows, int provisional,
                        Optional<DecodedFace> face, Optional<AttributeJudgement> judgement,
                        List<AttributeJudgement> windowJudgements) {
    public HeardCall {
        Objects.requireNonNull(file, "file");
        windowJudgements = List.copyOf(windowJudgements);
        Objects.requireNonNull(face, "face");
        Objects.requireNonNull(judgement, "judgement");
        if (face.isPresent() != judgement.isPresent()) {
            throw new IllegalArgumentException("a face and its judgement come together");
        }
    }

    /** Windows whose own face has the speaker's sex. */
    public int windowsAgreeing() {
        return (int) windowJudgements.stream().filter(j -> j.sex() == file.sex()).count();
    }

    /** Whether the judged sex of the face is the speaker's; empty without a face. */
    public Optional<Boolean> sexAgrees() {
        return judgement.map(j -> j.sex() == file.sex());
    }
}
