package io.callface.audio;

import io.github.jaredmdobson.concentus.OpusDecoder;
import io.github.jaredmdobson.concentus.OpusException;

/**
 * Opus (RFC 6716) through Concentus, a pure-Java port of libopus. One instance holds one stream's decoder
 * state. Opus can decode any packet at any of its internal rates, so this decodes straight to 16 kHz
 * whatever rate the stream declared, which saves the resampling step.
 */
final class OpusStreamDecoder implements StreamDecoder {
    static final int OUTPUT_RATE = Spectrogram.SAMPLE_RATE;
    /** The longest Opus packet holds 120 ms of audio. */
    private static final int MAX_FRAME_SAMPLES = OUTPUT_RATE * 120 / 1000;

    private final StreamFormat format;
    private final OpusDecoder decoder;
    private final short[] pcm;

    OpusStreamDecoder(StreamFormat format) {
        this.format = format;
        try {
            this.decoder = new OpusDecoder(OUTPUT_RATE, format.channels());
        } catch (OpusException e) {
            // StreamFormat already limits channels to what Opus supports, so this is a library fault.
            throw new IllegalStateException("Concentus refused a valid Opus configuration " + format, e);
        }
        this.pcm = new short[MAX_FRAME_SAMPLES * format.channels()];
    }

    @Override
    public StreamFormat format() {
        return format;
    }

    @Override
    public int outputSampleRate() {
        return OUTPUT_RATE;
    }

    @Override
    public float[] decode(byte[] payload) {
        if (payload == null || payload.length == 0) {
            throw new AudioFormatException("payload", "empty (an Opus payload must hold one packet)");
        }
        int frames;
        try {
            frames = decoder.decode(payload, 0, payload.length, pcm, 0, MAX_FRAME_SAMPLES, false);
        } catch (OpusException | RuntimeException | AssertionError e) {
            // Concentus reports some corrupt packets through its internal assertions (AssertionError), others by
            // exceptions. Either can leave the decoder mid-frame; start the next packet from a clean state.
            decoder.resetState();
            throw new AudioFormatException("payload",
                    "corrupt Opus packet of " + payload.length + " bytes (" + e.getMessage() + ")", e);
        }
        int channels = format.channels();
        float[] mono = new float[frames];
        for (int f = 0; f < frames; f++) {
            int sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += pcm[f * channels + c];
            }
            mono[f] = sum / (32768f * channels);
        }
        return mono;
    }
}
