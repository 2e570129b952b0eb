package io.callface.stream.loadtest;

import io.callface.stream.synth.VoiceLoops;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * The soak: a long load run at a fixed number of speakers with this process's heap and resident memory sampled
 * every few seconds. A straight line is fitted through the second half of the samples (the first half lets
 * caches and the latest-avatar store of ended participants, kept {@code avatars.ended.retention.ms}, fill up);
 * its slope, in MB per hour, must stay under the limits.
 */
public final class SoakRun {
    private static final double MB = 1024 * 1024;
    private static final double MS_PER_HOUR = 3_600_000;

    /**
     * @param sampleInterval         how often heap and RSS are sampled
     * @param maxHeapGrowthMbPerHour largest acceptable slope of the heap left after collections
     * @param maxRssGrowthMbPerHour  largest acceptable slope of the resident set
     */
    public record Settings(Duration sampleInterval, double maxHeapGrowthMbPerHour, double maxRssGrowthMbPerHour) {
    }

    /**
     * @param load              the run
     * @param samples           every resource sample
     * @param heapMbPerHour     slope of the heap after collections over the second half
     * @param rssMbPerHour      slope of the resident set over the second half (NaN without procfs)
     * @param settings          the limits
     */
    public record Result(LoadResult load, List<ResourceSampler.Sample> samples, double heapMbPerHour,
                         double rssMbPerHour, Settings settings) {
        public Result {
            samples = List.copyOf(samples);
        }

        public boolean passed() {
            return load.exactlyOnce() && heapMbPerHour <= settings.maxHeapGrowthMbPerHour()
                    && (Double.isNaN(rssMbPerHour) || rssMbPerHour <= settings.maxRssGrowthMbPerHour());
        }

        public String markdown() {
            StringBuilder md = new StringBuilder(LoadReport.markdown("Soak: " + load.speakers() + " speakers", List.of(load)));
            md.append(String.format(Locale.ROOT, "%nSamples: %d, every %d s. Linear trend over the second half: heap after "
                            + "GC %+.1f MB/h (limit %.0f), RSS %+.1f MB/h (limit %.0f). Passed: %s.%n%n",
                    samples.size(), settings.sampleInterval().toSeconds(), heapMbPerHour, settings.maxHeapGrowthMbPerHour(),
                    rssMbPerHour, settings.maxRssGrowthMbPerHour(), passed() ? "yes" : "**no**"));
            md.append("| minute | heap used MB | heap after GC MB | RSS MB |\n|---|---|---|---|\n");
            long lastMinute = -1;
            for (ResourceSampler.Sample s : samples) {
                long minute = s.elapsedMs() / 60_000;
                if (minute != lastMinute) {
                    md.append(String.format(Locale.ROOT, "| %d | %.0f | %.0f | %.0f |%n", minute, s.heapUsedBytes() / MB,
                            s.heapAfterGcBytes() / MB, s.rssBytes() / MB));
                    lastMinute = minute;
                }
            }
            return md.toString();
        }
    }

    private SoakRun() {
    }

    public static Result run(LoadClients clients, LoadPlan plan, VoiceLoops loops, Settings settings, LoadRun.Options options)
            throws InterruptedException {
        try (ResourceSampler sampler = new ResourceSampler(settings.sampleInterval())) {
            LoadResult load = LoadRun.run(clients, plan, loops, options);
            List<ResourceSampler.Sample> samples = sampler.samples();
            List<ResourceSampler.Sample> secondHalf = samples.subList(samples.size() / 2, samples.size());
            double rss = secondHalf.stream().anyMatch(s -> s.rssBytes() < 0) ? Double.NaN
                    : mbPerHour(secondHalf, ResourceSampler.Sample::rssBytes);
            return new Result(load, samples, mbPerHour(secondHalf, ResourceSampler.Sample::heapAfterGcBytes), rss, settings);
        }
    }

    static double mbPerHour(List<ResourceSampler.Sample> samples, ToLongFunction<ResourceSampler.Sample> bytes) {
        return LinearTrend.fit(samples.stream().map(s -> new LinearTrend.Point(s.elapsedMs(), bytes.applyAsLong(s) / MB)).toList())
                .slope() * MS_PER_HOUR;
    }
}
