package io.callface.stream.window;

import io.callface.audio.Spectrogram;
import io.callface.audio.SpeechSegment;

/**
 * The encoder input of a window: {@code Spectrogram.compute(SpeechSegment.toSixSeconds(audio))}, with each
 * distinct frame transformed once. Audio shorter than 6 s is repeated end to end; when its length is a whole
 * number p of 10 ms hops, the repeated signal has a period of p hops, so frame t + p holds exactly the samples of
 * frame t and its row is copied, bit for bit, instead of transformed again. A 3 s provisional window costs 300
 * FFTs instead of 598. Chunks of 20 ms always give whole hops. One instance per processor (not thread-safe).
 */
final class WindowSpectrogram {
    private final Spectrogram spectrogram = new Spectrogram();

    /** Frames of every window's spectrogram (598). */
    static int frames() {
        return Spectrogram.frameCount(SpeechSegment.SEGMENT_SAMPLES);
    }

    /** The {@code [2, 598, 257]} spectrogram of {@code audio} repeated (or cut) to 6 s. */
    float[] compute(float[] audio) {
        float[] segment = SpeechSegment.toSixSeconds(audio);
        int frames = frames();
        boolean periodic = audio.length < segment.length && audio.length % Spectrogram.HOP == 0;
        int period = periodic ? audio.length / Spectrogram.HOP : frames;
        if (period >= frames) {
            return spectrogram.compute(segment);
        }
        float[] distinct = new float[2 * period * Spectrogram.BINS];
        spectrogram.computeInto(segment, period, distinct);
        float[] out = new float[2 * frames * Spectrogram.BINS];
        // Channel-major [2, T, 257]: each plane (real, imaginary) repeats its first `period` rows.
        for (int plane = 0; plane < 2; plane++) {
            int from = plane * period * Spectrogram.BINS;
            int to = plane * frames * Spectrogram.BINS;
            for (int t = 0; t < frames; t += period) {
                System.arraycopy(distinct, from, out, to + t * Spectrogram.BINS, Math.min(period, frames - t) * Spectrogram.BINS);
            }
        }
        return out;
    }
}
