package io.callface.audio.synth;

import java.util.Arrays;

/** Measurements on 16 kHz signals shared by the synthesiser tests: LPC formants, pitch, band energies. */
final class SignalMeasures {
    static final int RATE = SpeechSynthesizer.SAMPLE_RATE;
    /** LPC order for formants below 5 kHz at 16 kHz (Praat's rule of thumb: two per formant below 8 kHz plus two). */
    private static final int LPC_ORDER = 18;
    private static final int LPC_FRAME = 512;
    private static final double MAX_BANDWIDTH_HZ = 500;
    private static final double MIN_FORMANT_HZ = 150;

    private SignalMeasures() {
    }

    /**
     * Median over 32 ms Hamming frames (hop 16 ms, pre-emphasis 0.97) of the two lowest LPC formants
     * (autocorrelation method, Levinson-Durbin, polynomial roots), from sample {@code from} to {@code to}: {F1, F2}
     * in Hz.
     */
    static double[] formants(float[] x, int from, int to) {
        int frames = (to - from - LPC_FRAME) / (LPC_FRAME / 2) + 1;
        double[] f1 = new double[frames];
        double[] f2 = new double[frames];
        for (int f = 0; f < frames; f++) {
            double[] peaks = envelopePeaks(lpc(x, from + f * LPC_FRAME / 2));
            f1[f] = peaks[0];
            f2[f] = peaks[1];
        }
        return new double[] {median(f1), median(f2)};
    }

    private static double[] lpc(float[] x, int start) {
        double[] frame = new double[LPC_FRAME];
        for (int n = 0; n < LPC_FRAME; n++) {
            double previous = start + n > 0 ? x[start + n - 1] : 0;
            double w = 0.54 - 0.46 * Math.cos(2 * Math.PI * n / (LPC_FRAME - 1));
            frame[n] = w * (x[start + n] - 0.97 * previous);
        }
        double[] r = new double[LPC_ORDER + 1];
        for (int lag = 0; lag <= LPC_ORDER; lag++) {
            for (int n = lag; n < LPC_FRAME; n++) {
                r[lag] += frame[n] * frame[n - lag];
            }
        }
        double[] a = new double[LPC_ORDER + 1];
        a[0] = 1;
        double error = r[0];
        for (int i = 1; i <= LPC_ORDER; i++) {
            double acc = r[i];
            for (int j = 1; j < i; j++) {
                acc += a[j] * r[i - j];
            }
            double k = -acc / error;
            double[] previous = a.clone();
            for (int j = 1; j < i; j++) {
                a[j] = previous[j] + k * previous[i - j];
            }
            a[i] = k;
            error *= 1 - k * k;
        }
        return a;
    }

    /**
     * The two lowest formants of the LPC polynomial: roots of {@code z^p A(z)} (Durand-Kerner iteration) in the
     * upper half plane with frequency above 150 Hz and bandwidth {@code -fs ln|z| / pi} below 500 Hz, as Praat's
     * Burg formant tracker keeps them; wide low poles model the glottal source's spectral tilt, not formants.
     */
    private static double[] envelopePeaks(double[] a) {
        int p = a.length - 1;
        double[] re = new double[p];
        double[] im = new double[p];
        double seedRe = 0.4;
        double seedIm = 0.9;
        double powRe = 1;
        double powIm = 0;
        for (int i = 0; i < p; i++) {
            double r = powRe * seedRe - powIm * seedIm;
            powIm = powRe * seedIm + powIm * seedRe;
            powRe = r;
            re[i] = powRe;
            im[i] = powIm;
        }
        for (int iteration = 0; iteration < 500; iteration++) {
            for (int i = 0; i < p; i++) {
                // Numerator: the monic polynomial at root i (Horner).
                double nRe = 1;
                double nIm = 0;
                for (int k = 1; k <= p; k++) {
                    double r = nRe * re[i] - nIm * im[i] + a[k];
                    nIm = nRe * im[i] + nIm * re[i];
                    nRe = r;
                }
                double dRe = 1;
                double dIm = 0;
                for (int j = 0; j < p; j++) {
                    if (j != i) {
                        double xr = re[i] - re[j];
                        double xi = im[i] - im[j];
                        double r = dRe * xr - dIm * xi;
                        dIm = dRe * xi + dIm * xr;
                        dRe = r;
                    }
                }
                double norm = dRe * dRe + dIm * dIm;
                re[i] -= (nRe * dRe + nIm * dIm) / norm;
                im[i] -= (nIm * dRe - nRe * dIm) / norm;
            }
        }
        double[] found = new double[p];
        int count = 0;
        for (int i = 0; i < p; i++) {
            double hz = Math.atan2(im[i], re[i]) * RATE / (2 * Math.PI);
            double bandwidth = -Math.log(Math.hypot(re[i], im[i])) * RATE / Math.PI;
            if (hz > MIN_FORMANT_HZ && bandwidth < MAX_BANDWIDTH_HZ) {
                found[count++] = hz;
            }
        }
        double[] sorted = Arrays.copyOf(found, count);
        Arrays.sort(sorted);
        return new double[] {count > 0 ? sorted[0] : Double.NaN, count > 1 ? sorted[1] : Double.NaN};
    }

    /**
     * Autocorrelation pitch of the {@code length} samples from {@code start}: the lag in 60-450 Hz maximising the
     * normalised autocorrelation, refined by parabolic interpolation; NaN if the peak correlation is below 0.5.
     */
    static double pitch(float[] x, int start, int length) {
        int minLag = RATE / 450;
        int maxLag = RATE / 60;
        if (start + length + maxLag + 1 > x.length) {
            return Double.NaN;
        }
        double[] c = new double[maxLag + 2];
        for (int lag = minLag - 1; lag <= maxLag + 1; lag++) {
            double sum = 0;
            double e0 = 0;
            double e1 = 0;
            for (int n = 0; n < length; n++) {
                double a = x[start + n];
                double b = x[start + n + lag];
                sum += a * b;
                e0 += a * a;
                e1 += b * b;
            }
            c[lag] = sum / Math.sqrt(e0 * e1 + 1e-20);
        }
        int best = minLag;
        for (int lag = minLag; lag <= maxLag; lag++) {
            if (c[lag] > c[best]) {
                best = lag;
            }
        }
        if (c[best] < 0.5) {
            return Double.NaN;
        }
        double denominator = c[best - 1] - 2 * c[best] + c[best + 1];
        double shift = denominator == 0 ? 0 : 0.5 * (c[best - 1] - c[best + 1]) / denominator;
        return RATE / (best + shift);
    }

    /** Summed power of a direct DFT (Hann, {@code size} points) over the bins in [{@code loHz}, {@code hiHz}). */
    static double bandEnergy(float[] x, int start, int size, double loHz, double hiHz) {
        double[] spectrum = powerSpectrum(x, start, size);
        double sum = 0;
        for (int k = 0; k < spectrum.length; k++) {
            double hz = (double) k * RATE / size;
            if (hz >= loHz && hz < hiHz) {
                sum += spectrum[k];
            }
        }
        return sum;
    }

    /** Power spectrum, bins 0..size/2, of a Hann-windowed frame (direct DFT; test sizes are small). */
    static double[] powerSpectrum(float[] x, int start, int size) {
        double[] out = new double[size / 2 + 1];
        for (int k = 0; k < out.length; k++) {
            double re = 0;
            double im = 0;
            for (int n = 0; n < size; n++) {
                double w = 0.5 - 0.5 * Math.cos(2 * Math.PI * n / size);
                double angle = 2 * Math.PI * k * n / size;
                re += w * x[start + n] * Math.cos(angle);
                im -= w * x[start + n] * Math.sin(angle);
            }
            out[k] = re * re + im * im;
        }
        return out;
    }

    static double rms(float[] x, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += x[i] * (double) x[i];
        }
        return Math.sqrt(sum / Math.max(1, to - from));
    }

    static double median(double[] values) {
        double[] sorted = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length / 2];
    }
}
