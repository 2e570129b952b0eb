package io.callface.stream.window;

import io.callface.avro.AudioChunk;
import io.callface.stream.audio.AudioFormatException;
import io.callface.stream.audio.AudioFrontEnd;
import io.callface.stream.audio.SampleEncoding;
import io.callface.stream.audio.StreamFormat;
import io.callface.stream.audio.StreamFrontEnd;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns each speaker's chunks into 16 kHz mono samples, keeping one front end per speaker stream: Opus
 * packets and the resampler's filter history depend on earlier chunks. Belongs to one processor (one stream
 * thread). Front-end state is memory only; after a rebalance a stream's decoder starts afresh, as Opus allows.
 */
public final class ChunkAudio {
    private final Map<String, StreamFrontEnd> frontEnds = new HashMap<>();

    /** 16 kHz mono samples of {@code chunk}; a bad payload or format throws {@link InvalidChunkException}. */
    public float[] decode(String speaker, AudioChunk chunk) {
        ByteBuffer payload = chunk.getPayload();
        byte[] bytes = new byte[payload.remaining()];
        payload.duplicate().get(bytes);
        try {
            StreamFormat format = new StreamFormat(SampleEncoding.of(chunk.getEncoding().name()), chunk.getSampleRate(),
                    chunk.getChannels());
            StreamFrontEnd frontEnd = frontEnds.get(speaker);
            if (frontEnd == null || !frontEnd.format().equals(format)) {
                frontEnd = AudioFrontEnd.forStream(format.encoding(), format.sampleRate(), format.channels());
                frontEnds.put(speaker, frontEnd);
            }
            return frontEnd.to16kMono(bytes);
        } catch (AudioFormatException e) {
            throw new InvalidChunkException("chunk " + chunk.getSequence() + ": " + e.getMessage(), e);
        }
    }

    /** Forgets the speaker's decoder state (end of stream, consent withdrawn). */
    public void release(String speaker) {
        frontEnds.remove(speaker);
    }
}
