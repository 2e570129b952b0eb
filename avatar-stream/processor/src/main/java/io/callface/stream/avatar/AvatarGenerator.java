package io.callface.stream.avatar;

import io.callface.avro.AvatarEvent;
import io.callface.stream.fusion.EmbeddingFuser;
import io.callface.stream.window.SpeakerWindow;

/**
 * Turns a closed speaker window into the avatar published for it: encoder, fusion, decoder, post-processing.
 * The caller supplies the fusion step because it owns the speaker's fusion state; the generator applies it
 * between encoder and decoder, on the model that encoded the window, and decodes the face from its result.
 */
@FunctionalInterface
public interface AvatarGenerator {
    /**
     * @param window the window
     * @param fuser  maps this window's embedding to the fused embedding the face is decoded from
     * @return the event, carrying this window's embedding, the fused one and how many windows it summarises
     */
    AvatarEvent generate(SpeakerWindow window, EmbeddingFuser fuser);
}
