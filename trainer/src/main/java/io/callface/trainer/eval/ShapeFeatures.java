package io.callface.trainer.eval;

import io.callface.trainer.synth.FaceShape;
import java.util.List;

/**
 * Exact face-shape proportions as feature vectors (aspect, jaw, nose, eye spacing, lips), each centred and
 * scaled by its mean and standard deviation over a reference set, so cosine similarity weighs the five
 * deviations equally.
 */
final class ShapeFeatures {
    private final double[] mean = new double[5];
    private final double[] scale = new double[5];

    /** Standardisation fitted on {@code reference} (at least two shapes). */
    ShapeFeatures(List<FaceShape> reference) {
        if (reference.size() < 2) {
            throw new IllegalArgumentException("reference: need at least 2 shapes, got " + reference.size());
        }
        int n = reference.size();
        for (FaceShape s : reference) {
            double[] v = raw(s);
            for (int j = 0; j < v.length; j++) {
                mean[j] += v[j] / n;
            }
        }
        for (FaceShape s : reference) {
            double[] v = raw(s);
            for (int j = 0; j < v.length; j++) {
                scale[j] += (v[j] - mean[j]) * (v[j] - mean[j]) / n;
            }
        }
        for (int j = 0; j < scale.length; j++) {
            scale[j] = scale[j] > 0 ? Math.sqrt(scale[j]) : 1;
        }
    }

    float[] of(FaceShape shape) {
        double[] v = raw(shape);
        float[] z = new float[v.length];
        for (int j = 0; j < v.length; j++) {
            z[j] = (float) ((v[j] - mean[j]) / scale[j]);
        }
        return z;
    }

    private static double[] raw(FaceShape s) {
        return new double[] {s.aspect(), s.jawWidth(), s.noseWidth(), s.eyeSpacing(), s.lipFullness()};
    }
}
