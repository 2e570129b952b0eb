package io.callface.trainer.synth;

/** Range checks for trait records. */
final class Ranges {
    private Ranges() {
    }

    static void require(String field, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(field + ": " + value + " is outside [" + min + ", " + max + "]");
        }
    }
}
