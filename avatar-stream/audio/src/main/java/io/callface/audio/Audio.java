package io.callface.audio;

import java.util.Arrays;

/**
 * Mono audio: float samples in [-1, 1] at {@code sampleRate} samples per second. The array is copied in and
 * out, so an {@code Audio} never changes after construction.
 */
public record Audio(float[] samples, int sampleRate) {
    public Audio {
        if (samples == null) {
            throw new AudioFormatException("samples", "null");
        }
        if (sampleRate <= 0) {
            throw new AudioFormatException("sampleRate", sampleRate + " Hz is not a sample rate (must be > 0)");
        }
        samples = samples.clone();
    }

    /** A copy of the samples. */
    @Override
    public float[] samples() {
        return samples.clone();
    }

    /** Number of samples. */
    public int length() {
        return samples.length;
    }

    public double durationSeconds() {
        return (double) samples.length / sampleRate;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Audio that && sampleRate == that.sampleRate && Arrays.equals(samples, that.samples);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(samples) + sampleRate;
    }

    @Override
    public String toString() {
        return "Audio[" + samples.length + " samples at " + sampleRate + " Hz]";
    }
}
