package io.callface.stream.window;

import io.callface.avro.AudioChunk;
import io.callface.stream.audio.AudioDecoders;
import io.callface.stream.audio.AudioFormatException;
import io.callface.stream.audio.SampleEncoding;
import io.callface.stream.audio.StreamDecoder;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns each speaker's chunks into 16 kHz mono samples, keeping one decoder per speaker stream: Opus packets
 * and the resampler's filter history depend on earlier chunks. Belongs to one processor (one stream thread).
 * Decoder state is memory only; after a rebalance a stream's decoder starts afresh, as Opus allows.
 */
public final class ChunkAudio {
    private final Map<String, SpeakerDecoder> decoders = new HashMap<>();

    /** 16 kHz mono samples of {@code chunk}; a bad payload throws {@link InvalidChunkException}. */
    public float[] decode(String speaker, AudioChunk chunk) {
        ByteBuffer payload = chunk.getPayload();
        byte[] bytes = new byte[payload.remaining()];
        payload.duplicate().get(bytes);
        try {
            SampleEncoding encoding = SampleEncoding.of(chunk.getEncoding().name());
            SpeakerDecoder current = decoders.get(speaker);
            if (current == null || !current.matches(encoding, chunk.getSampleRate(), chunk.getChannels())) {
                current = new SpeakerDecoder(encoding, chunk.getSampleRate(), chunk.getChannels(),
                        AudioDecoders.forStream(encoding, chunk.getSampleRate(), chunk.getChannels()));
                decoders.put(speaker, current);
            }
            return current.decoder().decode(bytes);
        } catch (AudioFormatException e) {
            throw new InvalidChunkException("chunk " + chunk.getSequence() + ": " + e.getMessage(), e);
        }
    }

    /** Forgets the speaker's decoder state (end of stream, consent withdrawn). */
    public void release(String speaker) {
        decoders.remove(speaker);
    }

    private record SpeakerDecoder(SampleEncoding encoding, int sampleRate, int channels, StreamDecoder decoder) {
        boolean matches(SampleEncoding otherEncoding, int otherRate, int otherChannels) {
            return encoding == otherEncoding && sampleRate == otherRate && channels == otherChannels;
        }
    }
}
