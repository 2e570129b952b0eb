package io.callface.stream.fusion;

import io.callface.model.fusion.FusedEmbedding;

/**
 * Turns one window's embedding into the fused embedding its face is decoded from. Called between the encoder
 * and the decoder, on the inference thread, so it must be a pure function of its arguments and of state
 * captured before the call.
 */
@FunctionalInterface
public interface EmbeddingFuser {
    /** Decodes every window from its own embedding alone. */
    EmbeddingFuser NONE = FusedEmbedding::first;

    /**
     * @param embedding    the encoder's output for this window
     * @param modelVersion version of the model that made it
     */
    FusedEmbedding fuse(float[] embedding, String modelVersion);
}
