package io.callface.audio;

/**
 * The complex, power-law-compressed spectrogram that callface's voice encoder reads, exactly as
 * {@code shared/reference/speech2face.md} defines it: 16 kHz mono input, 400-sample periodic Hann frames,
 * hop 160, FFT size 512 (each frame zero-padded at the end), bins 0..256, no centring, then
 * {@code sgn(v)*|v|^0.3} applied to the real and imaginary parts separately.
 *
 * <p>The result is a float32 tensor {@code [2, T, 257]} flattened channel-major: element
 * {@code (c, t, k)} sits at {@code c*T*257 + t*257 + k}; channel 0 holds the real part, channel 1 the
 * imaginary part. {@code T = 1 + floor((N - 400) / 160)}, so 6 s (96,000 samples) gives 598 frames.
 *
 * <p>Instances build their FFT tables and buffers once, so they allocate nothing per call but are not
 * thread-safe: give each thread its own. The FFT is {@link FrameBatchFft}'s (128 frames at a time, vectorised
 * across frames); the compression is {@link PowerLaw}'s, within 3e-7 relative of the exact value.
 */
public final class Spectrogram {
    public static final int SAMPLE_RATE = 16_000;
    public static final int FRAME_LENGTH = 400;
    public static final int HOP = 160;
    public static final int FFT_SIZE = 512;
    public static final int BINS = FFT_SIZE / 2 + 1;
    public static final float COMPRESSION_EXPONENT = 0.3f;

    private static final float[] HANN = periodicHann(FRAME_LENGTH);

    private static final int BATCH = FrameBatchFft.BATCH;
    private static final int TRANSPOSE_TILE = 16;

    private final FrameBatchFft fft = new FrameBatchFft();
    private final float[] batchValues = new float[2 * BATCH * BINS];
    private final float[] scratch = new float[2 * BATCH * BINS];

    /** Number of frames for {@code sampleCount} samples; 0 when shorter than one frame. */
    public static int frameCount(int sampleCount) {
        return sampleCount < FRAME_LENGTH ? 0 : 1 + (sampleCount - FRAME_LENGTH) / HOP;
    }

    /** Computes the {@code [2, T, 257]} tensor of {@code samples} (16 kHz mono, nominally in [-1, 1]). */
    public float[] compute(float[] samples) {
        int frames = frameCount(samples.length);
        if (frames == 0) {
            throw new AudioFormatException(
                    "samples", samples.length + " samples is shorter than one " + FRAME_LENGTH + "-sample frame");
        }
        float[] out = new float[2 * frames * BINS];
        computeInto(samples, frames, out);
        return out;
    }

    /**
     * As {@link #compute} but for the first {@code frames} frames, into a caller-owned array of at least
     * {@code 2 * frames * 257} floats.
     */
    public void computeInto(float[] samples, int frames, float[] out) {
        if (frames < 0 || frames > frameCount(samples.length) || out.length < 2 * frames * BINS) {
            throw new IllegalArgumentException("frames: " + frames + " does not fit " + samples.length
                    + " samples (" + frameCount(samples.length) + " frames) and an output of " + out.length + " floats");
        }
        int imaginaryOffset = frames * BINS;
        for (int first = 0; first < frames; first += BATCH) {
            int count = Math.min(BATCH, frames - first);
            fft.transform(samples, first * HOP, HOP, HANN, count);
            // Transpose to frame-major rows, real parts then imaginary parts, as the output wants them; in tiles
            // of 16 frames so that the output rows being written stay in the L1 cache.
            int batchImaginary = count * BINS;
            for (int tile = 0; tile < count; tile += TRANSPOSE_TILE) {
                int tileEnd = Math.min(count, tile + TRANSPOSE_TILE);
                for (int k = 0; k < BINS; k++) {
                    float[] bin = fft.bin(k);
                    for (int f = tile, at = tile * BINS + k; f < tileEnd; f++, at += BINS) {
                        batchValues[at] = bin[f];
                        batchValues[batchImaginary + at] = bin[BATCH + f];
                    }
                }
            }
            // Compressing the contiguous copy measured faster than splitting each value during the transpose.
            PowerLaw.compress(batchValues, scratch, 2 * batchImaginary);
            System.arraycopy(batchValues, 0, out, first * BINS, batchImaginary);
            System.arraycopy(batchValues, batchImaginary, out, imaginaryOffset + first * BINS, batchImaginary);
        }
    }

    /** {@code w[n] = 0.5 - 0.5 cos(2 pi n / N)}, n = 0..N-1 (periodic, not symmetric). */
    static float[] periodicHann(int length) {
        float[] w = new float[length];
        for (int n = 0; n < length; n++) {
            w[n] = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * n / length));
        }
        return w;
    }
}
