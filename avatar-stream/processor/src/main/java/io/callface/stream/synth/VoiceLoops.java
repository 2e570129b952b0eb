package io.callface.stream.synth;

import io.callface.avro.Encoding;
import io.callface.audio.G711Encoder;
import io.github.jaredmdobson.concentus.OpusApplication;
import io.github.jaredmdobson.concentus.OpusEncoder;
import io.github.jaredmdobson.concentus.OpusException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Pre-encoded audio for simulated callers (the load generator's, and the start-up warm-up's), so that sending
 * costs no signal processing: per codec, for each of
 * {@value #VOICES} voices, one second of voiced sound as 50 chunk payloads that loop seamlessly, and one payload
 * of silence.
 *
 * <p>A voice is a vowel-like harmonic series on an integer fundamental (100-219 Hz) under a 1 Hz envelope, so
 * one second holds whole periods of everything and the loop has no seam. Harmonics stay below 3.6 kHz so that
 * 8 kHz telephony carries them. The stream processor's voice activity detector finds such a signal voiced and
 * digital silence unvoiced, which makes the expected windows of a load script exact.
 */
public final class VoiceLoops {
    /** Distinct voices (fundamental frequencies). */
    public static final int VOICES = 8;
    /** Chunks in one loop: one second. */
    public static final int LOOP_CHUNKS = 50;

    private static final int OPUS_BITRATE = 32_000;

    private final Map<Codec, byte[][][]> voiced = new EnumMap<>(Codec.class);
    private final Map<Codec, byte[]> silence = new EnumMap<>(Codec.class);

    private VoiceLoops() {
    }

    /** Encodes every voice for every codec in {@code codecs}. */
    public static VoiceLoops encode(List<Codec> codecs) {
        VoiceLoops loops = new VoiceLoops();
        for (Codec codec : codecs) {
            byte[][][] voices = new byte[VOICES][][];
            for (int voice = 0; voice < VOICES; voice++) {
                voices[voice] = encodeLoop(codec, signal(codec.sampleRate(), fundamentalHz(voice)));
            }
            loops.voiced.put(codec, voices);
            byte[][] quiet = encodeLoop(codec, new float[codec.sampleRate()]);
            loops.silence.put(codec, quiet[LOOP_CHUNKS - 1]);
        }
        return loops;
    }

    public static int fundamentalHz(int voice) {
        return 100 + 17 * voice;
    }

    /** Chunk {@code index} of the voiced loop of {@code voice}. */
    public byte[] voicedChunk(Codec codec, int voice, int index) {
        return loopsOf(codec)[voice][Math.floorMod(index, LOOP_CHUNKS)];
    }

    public byte[] silentChunk(Codec codec) {
        loopsOf(codec);
        return silence.get(codec);
    }

    private byte[][][] loopsOf(Codec codec) {
        byte[][][] loops = voiced.get(codec);
        if (loops == null) {
            throw new IllegalArgumentException("codec: " + codec + " was not encoded for this run");
        }
        return loops;
    }

    /** One second of the voice at {@code rate}. */
    static float[] signal(int rate, int f0) {
        float[] samples = new float[rate];
        int harmonics = Math.max(1, 3600 / f0);
        for (int i = 0; i < rate; i++) {
            double t = i / (double) rate;
            double sum = 0;
            for (int h = 1; h <= harmonics; h++) {
                sum += Math.sin(2 * Math.PI * f0 * h * t) / (h == 1 ? 2 : h);
            }
            samples[i] = (float) (0.25 * sum * (0.75 + 0.25 * Math.sin(2 * Math.PI * t)));
        }
        return samples;
    }

    private static byte[][] encodeLoop(Codec codec, float[] second) {
        int n = codec.chunkSamples();
        byte[][] chunks = new byte[LOOP_CHUNKS][];
        switch (codec.encoding()) {
            case OPUS -> {
                OpusEncoder encoder = opusEncoder(codec.sampleRate());
                // Two passes: the second encodes the loop with the encoder already in its steady state.
                for (int pass = 0; pass < 2; pass++) {
                    for (int c = 0; c < LOOP_CHUNKS; c++) {
                        chunks[c] = opus(encoder, pcm16Samples(second, c * n, n), n);
                    }
                }
            }
            default -> {
                for (int c = 0; c < LOOP_CHUNKS; c++) {
                    chunks[c] = encodeSamples(codec, second, c * n, n);
                }
            }
        }
        return chunks;
    }

    private static byte[] encodeSamples(Codec codec, float[] samples, int from, int n) {
        return switch (codec.encoding()) {
            case PCM_S16LE -> {
                ByteBuffer out = ByteBuffer.allocate(n * 2).order(ByteOrder.LITTLE_ENDIAN);
                for (short s : pcm16Samples(samples, from, n)) {
                    out.putShort(s);
                }
                yield out.array();
            }
            case PCM_F32LE -> {
                ByteBuffer out = ByteBuffer.allocate(n * 4).order(ByteOrder.LITTLE_ENDIAN);
                for (int i = 0; i < n; i++) {
                    out.putFloat(samples[from + i]);
                }
                yield out.array();
            }
            case MULAW, ALAW -> {
                G711Encoder encoder = codec.encoding() == Encoding.MULAW ? G711Encoder.MU_LAW : G711Encoder.A_LAW;
                byte[] out = new byte[n];
                short[] pcm = pcm16Samples(samples, from, n);
                for (int i = 0; i < n; i++) {
                    out[i] = encoder.encode(pcm[i]);
                }
                yield out;
            }
            case OPUS -> throw new IllegalStateException("Opus is encoded with its stream state");
        };
    }

    private static short[] pcm16Samples(float[] samples, int from, int n) {
        short[] pcm = new short[n];
        for (int i = 0; i < n; i++) {
            pcm[i] = (short) Math.round(Math.max(-1f, Math.min(1f, samples[from + i])) * 32767f);
        }
        return pcm;
    }

    private static OpusEncoder opusEncoder(int rate) {
        try {
            OpusEncoder encoder = new OpusEncoder(rate, 1, OpusApplication.OPUS_APPLICATION_AUDIO);
            encoder.setBitrate(OPUS_BITRATE);
            return encoder;
        } catch (OpusException e) {
            throw new IllegalStateException("Concentus refused a mono " + rate + " Hz encoder", e);
        }
    }

    private static byte[] opus(OpusEncoder encoder, short[] pcm, int frameSize) {
        byte[] packet = new byte[1275];
        try {
            int length = encoder.encode(pcm, 0, frameSize, packet, 0, packet.length);
            return Arrays.copyOf(packet, length);
        } catch (OpusException e) {
            throw new IllegalStateException("Concentus could not encode a " + frameSize + "-sample frame", e);
        }
    }
}
