package io.callface.audio;

/**
 * One speaker stream's whole front end: payload bytes in, 16 kHz mono samples out. Holds the stream's
 * decoder and resampler state, so use one instance per speaker stream, in payload order.
 */
public final class StreamFrontEnd {
    private final StreamDecoder decoder;
    private final StreamingResampler resampler;

    StreamFrontEnd(StreamDecoder decoder) {
        this.decoder = decoder;
        this.resampler = new StreamingResampler(decoder.outputSampleRate());
    }

    public StreamFormat format() {
        return decoder.format();
    }

    /**
     * Decodes the next payload and returns the 16 kHz samples it completes; over a stream their count follows
     * the input duration, a few milliseconds behind.
     *
     * @throws AudioFormatException if the payload cannot be decoded
     */
    public float[] to16kMono(byte[] payload) {
        return resampler.process(decoder.decode(payload));
    }
}
