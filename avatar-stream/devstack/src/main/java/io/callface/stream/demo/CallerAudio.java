package io.callface.stream.demo;

import io.callface.stream.window.SpeakerId;

/**
 * One simulated participant's whole call audio, published chunk by chunk.
 *
 * @param speaker    who speaks
 * @param samples    mono samples in [-1, 1]
 * @param sampleRate rate of {@code samples}
 */
public record CallerAudio(SpeakerId speaker, float[] samples, int sampleRate) {
    public CallerAudio {
        if (samples.length == 0) {
            throw new IllegalArgumentException("samples: a caller needs some audio");
        }
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sampleRate: " + sampleRate);
        }
        samples = samples.clone();
    }

    /** Samples per 20 ms chunk. */
    int chunkSamples() {
        return sampleRate / 50;
    }

    int chunkCount() {
        return (samples.length + chunkSamples() - 1) / chunkSamples();
    }

    float[] chunk(int index) {
        int from = index * chunkSamples();
        return java.util.Arrays.copyOfRange(samples, from, Math.min(samples.length, from + chunkSamples()));
    }
}
