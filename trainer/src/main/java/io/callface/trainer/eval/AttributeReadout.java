package io.callface.trainer.eval;

/**
 * One output of the {@link AttributeHeads} as it leaves the JVM: an affine map of the raw face feature (the heads'
 * standardisation and calibration folded in) and an activation. {@link AttributeHeads#predict} evaluates exactly
 * these, so the exported ONNX graph and the evaluation state the same numbers.
 *
 * @param output     the output's name in {@code attributes.onnx}
 * @param map        the affine map of the face feature
 * @param activation what follows the map
 * @param min        lower bound of {@link Activation#CLIP}
 * @param max        upper bound of {@link Activation#CLIP}
 */
public record AttributeReadout(String output, Affine map, Activation activation, double min, double max) {
    /** What follows the affine map. */
    public enum Activation {
        /** A probability, {@code 1 / (1 + e^-y)}. */
        SIGMOID,
        /** Class probabilities. */
        SOFTMAX,
        /** A quantity, clamped into [min, max]. */
        CLIP
    }

    public AttributeReadout {
        if (output == null || output.isBlank() || map == null || activation == null) {
            throw new IllegalArgumentException("output, map and activation must be given");
        }
        if (!(min <= max)) {
            throw new IllegalArgumentException(output + ": min " + min + " above max " + max);
        }
    }

    static AttributeReadout sigmoid(String output, Affine map) {
        return new AttributeReadout(output, map, Activation.SIGMOID, 0, 1);
    }

    static AttributeReadout softmax(String output, Affine map) {
        return new AttributeReadout(output, map, Activation.SOFTMAX, 0, 1);
    }

    static AttributeReadout clip(String output, Affine map, double min, double max) {
        return new AttributeReadout(output, map, Activation.CLIP, min, max);
    }

    /** The output for one raw face feature. */
    public double[] apply(float[] feature) {
        double[] y = map.apply(feature);
        return switch (activation) {
            case SIGMOID -> new double[] {LogisticRegression.sigmoid(y[0])};
            case SOFTMAX -> TemperatureScaling.softmax(y, 1);
            case CLIP -> new double[] {Math.max(min, Math.min(max, y[0]))};
        };
    }
}
