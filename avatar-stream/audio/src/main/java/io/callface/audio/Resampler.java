package io.callface.audio;

/**
 * One-shot conversion of a whole mono signal to 16 kHz with the band-limited polyphase windowed-sinc filter
 * described in {@link StreamingResampler}; identical, sample for sample, to streaming the same signal.
 */
public final class Resampler {
    private Resampler() {
    }

    /**
     * {@code samples} at {@code inputRate} as {@code ceil(n * 16000 / inputRate)} samples at 16 kHz; 16 kHz
     * input is returned as a copy.
     *
     * @throws AudioFormatException if {@code inputRate} is not one of {@link StreamFormat#SUPPORTED_SAMPLE_RATES}
     */
    public static float[] to16k(float[] samples, int inputRate) {
        StreamingResampler resampler = new StreamingResampler(inputRate);
        float[] body = resampler.process(samples);
        float[] tail = resampler.flush();
        float[] out = java.util.Arrays.copyOf(body, body.length + tail.length);
        System.arraycopy(tail, 0, out, body.length, tail.length);
        return out;
    }
}
