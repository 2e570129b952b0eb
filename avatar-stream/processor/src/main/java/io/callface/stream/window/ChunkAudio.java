package io.callface.stream.window;

import io.callface.avro.AudioChunk;
import io.callface.audio.AudioFormatException;
import io.callface.audio.AudioFrontEnd;
import io.callface.audio.PcmDecoder;
import io.callface.audio.SampleEncoding;
import io.callface.audio.StreamFormat;
import io.callface.audio.StreamFrontEnd;
import io.callface.audio.VoiceActivityDetector;
import io.callface.audio.VoiceGate;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns each speaker's chunks, in sequence order, into 16 kHz mono samples and a voiced/unvoiced decision.
 * One front end per speaker stream: Opus packets and the resampler's filter history depend on earlier chunks.
 * Belongs to one processor (one stream thread); the state is memory only, and after a rebalance a stream's
 * decoder starts afresh, as Opus allows.
 */
public final class ChunkAudio {
    private final Map<String, SpeakerAudio> speakers = new HashMap<>();
    private final VoiceActivityDetector detector = new VoiceActivityDetector();

    /**
     * 16 kHz audio of one chunk and whether it is voiced.
     *
     * @param samples 16 kHz mono samples
     * @param voiced  the detector's decision
     * @param stored  the samples as the chunk store keeps them (16 kHz PCM16, see {@code StoredAudio}): the
     *                payload itself when the chunk already is 16 kHz mono PCM16
     */
    public record Decoded(float[] samples, boolean voiced, byte[] stored) {
    }

    /** The declared format of {@code chunk}; a bad declaration throws {@link InvalidChunkException}. */
    public static StreamFormat formatOf(AudioChunk chunk) {
        try {
            return new StreamFormat(SampleEncoding.of(chunk.getEncoding().name()), chunk.getSampleRate(), chunk.getChannels());
        } catch (AudioFormatException e) {
            throw new InvalidChunkException("chunk " + chunk.getSequence() + ": " + e.getMessage(), e);
        }
    }

    public static byte[] payloadOf(AudioChunk chunk) {
        ByteBuffer payload = chunk.getPayload();
        byte[] bytes = new byte[payload.remaining()];
        payload.duplicate().get(bytes);
        return bytes;
    }

    /**
     * Rejects a PCM or G.711 chunk carrying more than {@code maxChunkMs} of audio. (An Opus packet holds at most
     * 120 ms, below any allowed limit.)
     */
    public static void checkDuration(long sequence, StreamFormat format, byte[] payload, int maxChunkMs) {
        if (format.encoding() == SampleEncoding.OPUS) {
            return;
        }
        long frames = payload.length / ((long) format.encoding().bytesPerSample() * format.channels());
        long ms = frames * 1000 / format.sampleRate();
        if (ms > maxChunkMs) {
            throw new InvalidChunkException("payload: chunk " + sequence + " carries " + payload.length + " bytes = "
                    + ms + " ms of " + format.encoding() + " at " + format.sampleRate() + " Hz, above the "
                    + maxChunkMs + " ms limit (audio.chunk.max.ms)");
        }
    }

    /**
     * Checks what can be checked without stream state (PCM and G.711 payloads), so a chunk that waits for its
     * turn is known to decode; Opus packets can only be checked in order.
     */
    public static void validate(long sequence, StreamFormat format, byte[] payload) {
        if (format.encoding() == SampleEncoding.OPUS) {
            return;
        }
        try {
            PcmDecoder.decode(payload, format.encoding(), format.channels());
        } catch (AudioFormatException e) {
            throw new InvalidChunkException("chunk " + sequence + ": " + e.getMessage(), e);
        }
    }

    /** Decodes the speaker's next chunk in sequence order. */
    public Decoded decode(String speaker, long sequence, StreamFormat format, byte[] payload) {
        try {
            SpeakerAudio audio = speakers.get(speaker);
            if (audio == null || !audio.frontEnd().format().equals(format)) {
                audio = new SpeakerAudio(AudioFrontEnd.forStream(format.encoding(), format.sampleRate(), format.channels()),
                        new VoiceGate(detector));
                speakers.put(speaker, audio);
            }
            // The common case needs no front end: the payload already is what the store keeps.
            boolean storedForm = isStoredForm(format, payload);
            float[] samples = storedForm ? StoredAudio.decode(payload) : audio.frontEnd().to16kMono(payload);
            return new Decoded(samples, audio.gate().isVoiced(samples), storedForm ? payload : StoredAudio.encode(samples));
        } catch (AudioFormatException e) {
            throw new InvalidChunkException("chunk " + sequence + ": " + e.getMessage(), e);
        }
    }

    /** Whether {@code payload} is valid 16 kHz mono PCM16 (the stateless front end's identity case). */
    private static boolean isStoredForm(StreamFormat format, byte[] payload) {
        return format.encoding() == SampleEncoding.PCM_S16LE && format.sampleRate() == StoredAudio.SAMPLE_RATE
                && format.channels() == 1 && payload.length > 0 && payload.length % 2 == 0;
    }

    /** Forgets the speaker's decoder state (end of stream, consent withdrawn, idle). */
    public void release(String speaker) {
        speakers.remove(speaker);
    }

    private record SpeakerAudio(StreamFrontEnd frontEnd, VoiceGate gate) {
    }
}
