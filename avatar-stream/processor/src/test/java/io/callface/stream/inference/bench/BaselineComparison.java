package io.callface.stream.inference.bench;

import io.callface.stream.inference.FaceModel;
import io.callface.model.ModelManifest;
import java.util.List;

/**
 * Per-window cost of a model against a baseline model in the same run: encode + decode of one window, and decode
 * alone, timed in alternating rounds (model, baseline, model, ...) so that load on a shared machine disturbs both
 * alike. The ratio model / baseline is the figure to read; the absolute times move with the machine.
 */
final class BaselineComparison {
    private static final int ROUNDS = 20;
    private static final int ITERATIONS_PER_ROUND = 20;
    private static final int WARM_UP_ITERATIONS = 10;

    private BaselineComparison() {
    }

    /** Median per-window times (ms) of one model. */
    record Cost(ModelManifest manifest, LatencyStats encodeDecode, LatencyStats decode) {
    }

    /** Both models' costs on the same window (one window of {@code frames} frames). */
    static List<Cost> measure(FaceModel model, FaceModel baseline, float[] window, int frames) {
        List<float[]> batch = List.of(window);
        List<FaceModel> models = List.of(model, baseline);
        for (FaceModel m : models) {
            for (int i = 0; i < WARM_UP_ITERATIONS; i++) {
                m.decode(m.encode(batch, frames));
            }
        }
        long[][] encodeDecode = new long[2][ROUNDS * ITERATIONS_PER_ROUND];
        long[][] decode = new long[2][ROUNDS * ITERATIONS_PER_ROUND];
        for (int round = 0; round < ROUNDS; round++) {
            for (int which = 0; which < 2; which++) {
                FaceModel m = models.get(which);
                for (int i = 0; i < ITERATIONS_PER_ROUND; i++) {
                    int slot = round * ITERATIONS_PER_ROUND + i;
                    long start = System.nanoTime();
                    float[][] features = m.encode(batch, frames);
                    long encoded = System.nanoTime();
                    m.decode(features);
                    long end = System.nanoTime();
                    encodeDecode[which][slot] = end - start;
                    decode[which][slot] = end - encoded;
                }
            }
        }
        return List.of(new Cost(model.manifest(), new LatencyStats(encodeDecode[0]), new LatencyStats(decode[0])),
                new Cost(baseline.manifest(), new LatencyStats(encodeDecode[1]), new LatencyStats(decode[1])));
    }

    static String markdown(List<Cost> costs, String modelDir, String baselineDir) {
        Cost model = costs.get(0);
        Cost baseline = costs.get(1);
        StringBuilder md = new StringBuilder("### Against the baseline model (same run)\n\n")
                .append(String.format("%d rounds of %d single-window iterations per model, alternating, after %d"
                        + " warm-up iterations each; medians (p50) and p90 per window.%n%n", ROUNDS,
                        ITERATIONS_PER_ROUND, WARM_UP_ITERATIONS))
                .append("| model | preset | image | encode + decode p50 ms | p90 ms | decode p50 ms | p90 ms |\n")
                .append("|---|---|---|---:|---:|---:|---:|\n");
        row(md, modelDir, model);
        row(md, baselineDir + " (baseline)", baseline);
        md.append(String.format("%n**Ratio model / baseline: encode + decode %.2f (p50), decode alone %.2f (p50).**%n%n",
                model.encodeDecode().percentileMs(50) / baseline.encodeDecode().percentileMs(50),
                model.decode().percentileMs(50) / baseline.decode().percentileMs(50)));
        return md.toString();
    }

    private static void row(StringBuilder md, String name, Cost c) {
        md.append(String.format("| `%s` | %s | %dx%d | %.2f | %.2f | %.2f | %.2f |%n", name, c.manifest().preset(),
                c.manifest().imageHeight(), c.manifest().imageWidth(), c.encodeDecode().percentileMs(50),
                c.encodeDecode().percentileMs(90), c.decode().percentileMs(50), c.decode().percentileMs(90)));
    }
}
