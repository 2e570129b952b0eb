package io.callface.audio;

import java.util.Random;

/** Deterministic speech-like test audio for the benchmarks: a voiced harmonic series, syllable-rate loudness, noise. */
final class BenchmarkSignals {
    static final int SIX_SECONDS_16K = SpeechSegment.SEGMENT_SAMPLES;

    private BenchmarkSignals() {
    }

    /** Six seconds at {@code rate} Hz, in [-1, 1]. */
    static float[] sixSeconds(int rate) {
        Random random = new Random(2019);
        float[] x = new float[6 * rate];
        double pitch = 140;
        for (int i = 0; i < x.length; i++) {
            double t = (double) i / rate;
            double voiced = 0;
            for (int harmonic = 1; harmonic <= 20; harmonic++) {
                // Formant-like emphasis around 700 Hz and 1,200 Hz.
                double f = harmonic * pitch;
                double gain = 1 / (1 + Math.pow((f - 700) / 300, 2)) + 0.5 / (1 + Math.pow((f - 1200) / 400, 2));
                voiced += gain * Math.sin(2 * Math.PI * f * t);
            }
            double envelope = Math.max(0, Math.sin(2 * Math.PI * 4 * t));
            x[i] = (float) (0.1 * voiced * envelope + 0.01 * (random.nextDouble() * 2 - 1));
        }
        return x;
    }
}
