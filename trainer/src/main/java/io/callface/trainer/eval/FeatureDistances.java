package io.callface.trainer.eval;

/** Distances between a predicted feature {@code v_s} and a true feature {@code v_f} of equal length. */
public final class FeatureDistances {
    private FeatureDistances() {
    }

    public static double cosine(float[] a, float[] b) {
        requireSameLength(a, b);
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        double denominator = Math.sqrt(na) * Math.sqrt(nb);
        return denominator == 0 ? 0 : dot / denominator;
    }

    /** Angle between the vectors in degrees, in [0, 180]. */
    public static double angleDegrees(float[] a, float[] b) {
        return Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, cosine(a, b)))));
    }

    public static double l1(float[] a, float[] b) {
        requireSameLength(a, b);
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs(a[i] - b[i]);
        }
        return sum;
    }

    public static double l2(float[] a, float[] b) {
        requireSameLength(a, b);
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            sum += d * d;
        }
        return Math.sqrt(sum);
    }

    private static void requireSameLength(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("feature lengths differ: " + a.length + " vs " + b.length);
        }
    }
}
