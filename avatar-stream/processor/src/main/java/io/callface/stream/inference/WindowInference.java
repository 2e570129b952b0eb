package io.callface.stream.inference;

import io.callface.model.fusion.FusedEmbedding;
import java.util.Objects;

/**
 * What the model made of one window in one batch.
 *
 * @param modelVersion  version of the model that served the whole batch
 * @param embedding     this window's encoder output (copied in and out)
 * @param fused         the fused embedding the face was decoded from
 * @param face          the decoded face
 * @param attributes    what the attribute head says of the fused embedding; null when the model has no head
 * @param queueNanos    from submission to the start of the batch
 * @param encoderNanos  encoder run time of the whole batch
 * @param decoderNanos  decoder run time of the whole batch
 * @param batchSize     windows in the batch
 */
public record WindowInference(String modelVersion, float[] embedding, FusedEmbedding fused, DecodedFace face,
                              PredictedAttributes attributes, long queueNanos, long encoderNanos, long decoderNanos,
                              int batchSize) {
    public WindowInference {
        Objects.requireNonNull(modelVersion, "modelVersion");
        Objects.requireNonNull(fused, "fused");
        Objects.requireNonNull(face, "face");
        embedding = Objects.requireNonNull(embedding, "embedding").clone();
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
        }
    }

    @Override
    public float[] embedding() {
        return embedding.clone();
    }
}
