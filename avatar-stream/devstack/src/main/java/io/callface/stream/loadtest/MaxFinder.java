package io.callface.stream.loadtest;

import io.callface.stream.synth.Codec;
import io.callface.stream.synth.VoiceLoops;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the most concurrent real-time speakers one stack sustains: runs load steps of increasing size, each a
 * full {@link LoadRun} with its own speakers, and stops at the first step that falls behind (lag not bounded,
 * a window lost or duplicated) or misses the latency goal.
 */
public final class MaxFinder {
    /**
     * @param start       speakers in the first step
     * @param step        speakers added per step
     * @param limit       the largest step tried
     * @param stepLength  how long participants keep joining in each step
     * @param maxP99Ms    the end-to-end p99 latency a sustained step must stay under
     */
    public record Settings(int start, int step, int limit, Duration stepLength, double maxP99Ms) {
        public Settings {
            if (start < 1 || step < 1 || limit < start) {
                throw new IllegalArgumentException("start " + start + ", step " + step + ", limit " + limit
                        + ": need start >= 1, step >= 1 and limit >= start");
            }
        }
    }

    /** Every step's result, and the largest step that kept up. */
    public record Outcome(List<LoadResult> steps, int maxSustained) {
        public Outcome {
            steps = List.copyOf(steps);
        }
    }

    private MaxFinder() {
    }

    /** Whether a step kept up and met the latency goal. */
    public static boolean passes(LoadResult result, double maxP99Ms) {
        return result.sustained() && result.latency().p99() < maxP99Ms;
    }

    public static Outcome find(LoadClients clients, Settings settings, List<Codec> codecs, VoiceLoops loops, long seed,
                               LoadRun.Options options, PrintStream log) throws InterruptedException {
        List<LoadResult> steps = new ArrayList<>();
        int best = 0;
        for (int speakers = settings.start(); speakers <= settings.limit(); speakers += settings.step()) {
            LoadPlan plan = LoadPlan.generate("max" + speakers + "-" + seed, speakers, settings.stepLength(), codecs, seed + speakers);
            log.printf("find-max: %d speakers for %d s%n", speakers, settings.stepLength().toSeconds());
            LoadResult result = LoadRun.run(clients, plan, loops, options);
            steps.add(result);
            log.printf("find-max: %d speakers: p99 %.0f ms, lag p95 %d (bound %d), lost %d, duplicated %d -> %s%n",
                    speakers, result.latency().p99(), result.lagP95SecondHalf(), result.lagBound(), result.lostWindows(),
                    result.duplicatedWindows(), passes(result, settings.maxP99Ms()) ? "kept up" : "fell behind");
            if (!passes(result, settings.maxP99Ms())) {
                break;
            }
            best = speakers;
        }
        return new Outcome(steps, best);
    }
}
