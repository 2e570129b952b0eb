package io.callface.trainer.synth;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Parsing helpers for the corpus CSVs; every error names the field. */
final class Csv {
    private Csv() {
    }

    static <E extends Enum<E>> E enumValue(String field, String value, E[] values) {
        for (E candidate : values) {
            if (candidate.name().equalsIgnoreCase(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException(field + ": '" + value + "' is not one of "
                + Arrays.stream(values).map(e -> e.name().toLowerCase(java.util.Locale.ROOT)).collect(Collectors.joining(", ")));
    }
}
