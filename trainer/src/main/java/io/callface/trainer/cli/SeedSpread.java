package io.callface.trainer.cli;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One figure measured on models that differ only in the voice stage's seed: its mean, the spread across seeds and
 * each seed's value. The benchmark judges a bar on the mean, since one seed moves figures near a bar by more than
 * their within-run standard errors (BENCHMARKS.md, "A second voice-stage seed").
 */
record SeedSpread(List<Double> perSeed) {

    SeedSpread {
        if (perSeed.isEmpty()) {
            throw new IllegalArgumentException("a seed spread needs at least one seed");
        }
        perSeed = List.copyOf(perSeed);
    }

    /** The figure on every model, or empty when any model lacks it (e.g. no identities.csv). */
    static <T> Optional<SeedSpread> of(List<T> models, Function<T, Optional<Double>> figure) {
        List<Optional<Double>> values = models.stream().map(figure).toList();
        if (values.stream().anyMatch(Optional::isEmpty)) {
            return Optional.empty();
        }
        return Optional.of(new SeedSpread(values.stream().map(Optional::get).toList()));
    }

    double mean() {
        return perSeed.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    /** Standard error of the mean across seeds (sample standard deviation / sqrt(seeds)); 0 for one seed. */
    double standardError() {
        int n = perSeed.size();
        if (n < 2) {
            return 0;
        }
        double mean = mean();
        double variance = perSeed.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / (n - 1);
        return Math.sqrt(variance / n);
    }

    /**
     * The mean with its spread, each value multiplied by {@code scale} and printed with {@code pattern}, the mean
     * followed by {@code unit}, e.g. {@code 90.4 % (88.9, 92.1, 90.2; +- 0.9 across 3 seeds)}; one seed prints its
     * value alone.
     */
    String describe(double scale, String pattern, String unit) {
        String mean = String.format(Locale.ROOT, pattern, scale * mean()) + unit;
        if (perSeed.size() == 1) {
            return mean;
        }
        String each = perSeed.stream().map(v -> String.format(Locale.ROOT, pattern, scale * v))
                .collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "%s (%s; +- " + pattern + " across %d seeds)", mean, each,
                scale * standardError(), perSeed.size());
    }
}
