package io.callface.audio;

/**
 * Decodes the successive payloads of ONE speaker's stream to mono float samples in [-1, 1]. Codecs with
 * memory (Opus) keep it between calls, so use one instance per speaker stream, in payload order, from one
 * thread at a time. Create with {@link AudioDecoders#forStream}.
 */
public interface StreamDecoder {
    /** The declared format of the stream this decoder reads. */
    StreamFormat format();

    /**
     * Rate of the samples {@link #decode} returns. The declared rate for sample-based encodings; 16,000 for
     * Opus, which decodes straight to the front end's rate.
     */
    int outputSampleRate();

    /**
     * Decodes the next payload.
     *
     * @throws AudioFormatException if the payload is empty, of the wrong length, or corrupt
     */
    float[] decode(byte[] payload);
}
