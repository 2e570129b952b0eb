package io.callface.trainer.onnx;

import java.util.Objects;

/**
 * One axis of a graph input or output: either fixed ({@code dim_value}) or dynamic ({@code dim_param}).
 *
 * @param name  the dim_param name, or null for a fixed axis
 * @param value the dim_value of a fixed axis (ignored when named)
 */
public record Dim(String name, long value) {
    public Dim {
        if (name == null && value <= 0) {
            throw new IllegalArgumentException("value of a fixed dimension must be positive, got " + value);
        }
    }

    public static Dim dynamic(String name) {
        return new Dim(Objects.requireNonNull(name, "name"), 0);
    }

    public static Dim fixed(long value) {
        return new Dim(null, value);
    }

    public boolean isDynamic() {
        return name != null;
    }
}
