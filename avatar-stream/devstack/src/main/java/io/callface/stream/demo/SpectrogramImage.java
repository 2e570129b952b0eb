package io.callface.stream.demo;

import io.callface.audio.Spectrogram;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;

/**
 * A picture of the voice encoder's input: the magnitude of the stream's complex spectrogram ({@link Spectrogram},
 * {@code [2, T, 257]} flattened channel-major, its real and imaginary parts each power-law compressed). One pixel per
 * frame (10 ms) from left to right and per bin (31.25 Hz) from 0 Hz at the bottom to 8 kHz at the top. The parts are
 * decompressed ({@code |v| = |v'|^(1/0.3)}) to the modulus {@code |S|}, which unlike the compressed parts' own modulus
 * does not depend on the phase, and shown in decibels below the picture's loudest bin, over
 * {@value #RANGE_DB} dB (anything quieter is black), through a black-purple-red-pale-yellow palette of 256 colours
 * (stops at 0, 1/4, 1/2, 3/4 and 1 of the range, after matplotlib's magma).
 */
final class SpectrogramImage {
    /** The range of levels shown, in dB below the loudest bin. */
    static final double RANGE_DB = 60;
    private static final int[] STOPS = {0x000004, 0x3b0f70, 0x8c2981, 0xde4968, 0xfcfdbf};
    private static final int COLOURS = 256;
    private static final IndexColorModel PALETTE = palette();

    private SpectrogramImage() {
    }

    /**
     * @param spectrogram the {@code [2, frames, 257]} tensor
     * @throws IllegalArgumentException if its length is not {@code 2 * frames * 257} or {@code frames < 1}
     */
    static BufferedImage of(float[] spectrogram, int frames) {
        int bins = Spectrogram.BINS;
        if (frames < 1 || spectrogram.length != 2L * frames * bins) {
            throw new IllegalArgumentException("spectrogram: " + spectrogram.length + " values is not [2, " + frames
                    + ", " + bins + "]");
        }
        int imaginary = frames * bins;
        double[] magnitude = new double[imaginary];
        double loudest = 0;
        for (int i = 0; i < imaginary; i++) {
            magnitude[i] = Math.hypot(decompressed(spectrogram[i]), decompressed(spectrogram[imaginary + i]));
            loudest = Math.max(loudest, magnitude[i]);
        }
        BufferedImage image = new BufferedImage(frames, bins, BufferedImage.TYPE_BYTE_INDEXED, PALETTE);
        WritableRaster raster = image.getRaster();
        for (int t = 0; t < frames; t++) {
            for (int k = 0; k < bins; k++) {
                raster.setSample(t, bins - 1 - k, 0, index(level(magnitude[t * bins + k], loudest)));
            }
        }
        return image;
    }

    /** Where {@code magnitude} lies in the shown range below {@code loudest}: 0 at or below it, 1 at the top. */
    static double level(double magnitude, double loudest) {
        if (!(magnitude > 0 && loudest > 0)) {
            return 0;
        }
        return Math.max(0, Math.min(1, 1 + 20 * Math.log10(magnitude / loudest) / RANGE_DB));
    }

    /** The colour a pixel of {@code level} gets (0xRRGGBB). */
    static int colour(double level) {
        return PALETTE.getRGB(index(level)) & 0xffffff;
    }

    private static int index(double level) {
        return (int) Math.round(Math.max(0, Math.min(1, level)) * (COLOURS - 1));
    }

    /** {@code |v|} from the compressed {@code v' = sgn(v) |v|^0.3}. */
    private static double decompressed(float compressed) {
        return Math.pow(Math.abs(compressed), 1.0 / Spectrogram.COMPRESSION_EXPONENT);
    }

    /** 256 colours interpolated linearly between the stops. */
    private static IndexColorModel palette() {
        byte[][] channels = new byte[3][COLOURS];
        for (int i = 0; i < COLOURS; i++) {
            double at = (double) i / (COLOURS - 1) * (STOPS.length - 1);
            int stop = Math.min((int) at, STOPS.length - 2);
            double mix = at - stop;
            for (int c = 0; c < 3; c++) {
                int shift = 16 - 8 * c;
                int from = (STOPS[stop] >> shift) & 0xff;
                int to = (STOPS[stop + 1] >> shift) & 0xff;
                channels[c][i] = (byte) Math.round(from + mix * (to - from));
            }
        }
        return new IndexColorModel(8, COLOURS, channels[0], channels[1], channels[2]);
    }
}
