package io.callface.stream.loadtest;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Average cores a bench process used, in all and per {@link ThreadRole}.
 *
 * @param total  cores of the whole process (-1: unknown)
 * @param byRole cores per role; empty when unknown
 */
public record CpuShares(double total, Map<ThreadRole, Double> byRole) {
    public static final CpuShares UNKNOWN = new CpuShares(-1, Map.of());

    public CpuShares {
        byRole = byRole.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(byRole));
    }

    /** Cores of one role (0 when unknown). */
    public double of(ThreadRole role) {
        return byRole.getOrDefault(role, 0.0);
    }

    /** What the application alone used: its stream threads and clients plus inference. */
    public double application() {
        return of(ThreadRole.STREAM_PROCESSOR) + of(ThreadRole.INFERENCE);
    }

    /** For a report: {@code "1.52 (stream processor 0.61, inference 0.20, ...)"}, or {@code "?"}. */
    public String format() {
        if (total < 0) {
            return "?";
        }
        return String.format(Locale.ROOT, "%.2f (%s)", total, byRole.entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey().label(), e.getValue()))
                .collect(Collectors.joining(", ")));
    }
}
