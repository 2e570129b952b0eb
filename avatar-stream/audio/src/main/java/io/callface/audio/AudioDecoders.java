package io.callface.audio;

/** Creates the {@link StreamDecoder} for a declared stream format. */
public final class AudioDecoders {
    private AudioDecoders() {
    }

    /**
     * A new decoder for one speaker stream.
     *
     * @throws AudioFormatException if the rate or channel count is not supported for {@code encoding}
     */
    public static StreamDecoder forStream(SampleEncoding encoding, int sampleRate, int channels) {
        return forStream(new StreamFormat(encoding, sampleRate, channels));
    }

    /** A new decoder for one speaker stream of {@code format}. */
    public static StreamDecoder forStream(StreamFormat format) {
        return format.encoding() == SampleEncoding.OPUS ? new OpusStreamDecoder(format) : new SampleStreamDecoder(format);
    }

    /** Stateless encodings: each payload decodes on its own through {@link PcmDecoder}. */
    private record SampleStreamDecoder(StreamFormat format) implements StreamDecoder {
        @Override
        public int outputSampleRate() {
            return format.sampleRate();
        }

        @Override
        public float[] decode(byte[] payload) {
            return PcmDecoder.decode(payload, format.encoding(), format.channels());
        }
    }
}
