package io.callface.stream.testing;

import io.callface.avro.AudioChunk;
import io.callface.avro.Encoding;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;

/** Deterministic call audio for tests: a voiced, vowel-like signal in 20 ms PCM16 chunks at 16 kHz. */
public final class TestAudio {
    public static final int CHUNK_SAMPLES = 320;
    public static final int CHUNKS_PER_WINDOW = 300;
    public static final long EPOCH_MS = 1_700_000_000_000L;

    private TestAudio() {
    }

    /**
     * Harmonics of 180 Hz (amplitude 1/h, the fundamental halved, as a vocal tract damps it) under a slow
     * envelope: voiced to the detector, never silent.
     */
    public static float[] voiced(int firstChunk, int chunks) {
        float[] samples = new float[chunks * CHUNK_SAMPLES];
        for (int i = 0; i < samples.length; i++) {
            double t = (firstChunk * CHUNK_SAMPLES + i) / 16_000.0;
            double sum = 0;
            for (int h = 1; h <= 15; h++) {
                sum += Math.sin(2 * Math.PI * 180 * h * t) / (h == 1 ? 2 : h);
            }
            samples[i] = (float) (0.25 * sum * (0.75 + 0.25 * Math.sin(2 * Math.PI * 0.7 * t)));
        }
        return samples;
    }

    public static byte[] pcm16(float[] samples) {
        ByteBuffer pcm = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (float s : samples) {
            pcm.putShort((short) Math.round(s * 32767));
        }
        return pcm.array();
    }

    /** What a PCM16 decoder gives back for {@code samples}. */
    public static float[] asDecodedPcm16(float[] samples) {
        float[] out = new float[samples.length];
        for (int i = 0; i < samples.length; i++) {
            out[i] = Math.round(samples[i] * 32767) / 32768f;
        }
        return out;
    }

    /** Chunk {@code seq} of a voiced stream. */
    public static AudioChunk voicedChunk(String call, String participant, long seq, boolean endOfStream) {
        return chunk(call, participant, seq, pcm16(voiced((int) seq, 1)), endOfStream);
    }

    /** Chunk {@code seq} carrying 20 ms of digital silence. */
    public static AudioChunk silentChunk(String call, String participant, long seq) {
        return chunk(call, participant, seq, new byte[CHUNK_SAMPLES * 2], false);
    }

    public static AudioChunk chunk(String call, String participant, long seq, byte[] pcm16, boolean endOfStream) {
        return AudioChunk.newBuilder().setCallId(call).setParticipantId(participant).setSequence(seq)
                .setCaptureTimestamp(Instant.ofEpochMilli(EPOCH_MS + seq * 20L)).setSampleRate(16_000)
                .setChannels(1).setEncoding(Encoding.PCM_S16LE).setPayload(ByteBuffer.wrap(pcm16))
                .setConsent(true).setEndOfStream(endOfStream).build();
    }
}
