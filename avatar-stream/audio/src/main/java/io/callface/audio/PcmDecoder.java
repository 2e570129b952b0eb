package io.callface.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Decodes sample-based payloads (PCM S16LE, PCM F32LE, G.711 mu-law and A-law) to mono float samples in
 * [-1, 1]. Interleaved channels are mixed down by their mean. Stateless: every payload stands alone.
 * Opus needs per-stream state and is decoded by {@link AudioDecoders#forStream} instead.
 */
public final class PcmDecoder {
    private PcmDecoder() {
    }

    /**
     * Decodes {@code payload} of {@code channels} interleaved channels.
     *
     * @throws AudioFormatException for an empty payload, a length that is not a whole number of frames, a
     *                              non-finite or out-of-range float sample, or {@link SampleEncoding#OPUS}
     */
    public static float[] decode(byte[] payload, SampleEncoding encoding, int channels) {
        if (encoding == SampleEncoding.OPUS) {
            throw new AudioFormatException("encoding", "OPUS needs a stateful decoder: use AudioDecoders.forStream");
        }
        if (channels < 1) {
            throw new AudioFormatException("channels", channels + " is not a channel count (must be >= 1)");
        }
        if (payload == null || payload.length == 0) {
            throw new AudioFormatException("payload", "empty (" + encoding + " payloads must hold at least one sample)");
        }
        int frameBytes = encoding.bytesPerSample() * channels;
        if (payload.length % frameBytes != 0) {
            throw new AudioFormatException("payload", payload.length + " bytes is not a whole number of "
                    + channels + "-channel " + encoding + " frames (" + frameBytes + " bytes each)");
        }
        int frames = payload.length / frameBytes;
        float[] mono = new float[frames];
        ByteBuffer in = ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN);
        for (int f = 0; f < frames; f++) {
            double sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += sample(in, encoding, f * channels + c);
            }
            mono[f] = (float) (sum / channels);
        }
        return mono;
    }

    private static float sample(ByteBuffer in, SampleEncoding encoding, int index) {
        return switch (encoding) {
            case PCM_S16LE -> in.getShort() / 32768f;
            case PCM_F32LE -> checkedFloat(in.getFloat(), index);
            case MULAW -> G711.toFloat(G711.muLawToLinear(in.get()));
            case ALAW -> G711.toFloat(G711.aLawToLinear(in.get()));
            case OPUS -> throw new IllegalStateException("OPUS is rejected before decoding");
        };
    }

    /** Float PCM must already be a finite value in [-1, 1]; anything else is a producer bug we must not hide. */
    static float checkedFloat(float value, int index) {
        if (!Float.isFinite(value)) {
            throw new AudioFormatException("samples[" + index + "]", value + " is not a finite sample");
        }
        if (value < -1f || value > 1f) {
            throw new AudioFormatException("samples[" + index + "]", value + " is outside [-1, 1]");
        }
        return value;
    }
}
