package io.callface.stream.loadtest;

import io.callface.stream.synth.VoiceLoops;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/**
 * The soak: a long load run at a fixed number of speakers with this process's resident memory sampled every few
 * seconds and its live heap (after a forced full collection, {@link LiveHeapSampler}) less often. A straight line
 * is fitted through the second half of each series (the first half lets caches and the latest-avatar store of ended
 * participants, kept {@code avatars.ended.retention.ms}, fill up); its slope, in MB per hour, must stay under the
 * limits. Resident memory also follows the JVM's heap sizing, so the soak is meant to run with a fixed heap
 * ({@code -Xms} = {@code -Xmx}); the report says whether it did.
 */
public final class SoakRun {
    private static final double MB = 1024 * 1024;
    private static final double MS_PER_HOUR = 3_600_000;

    /**
     * @param sampleInterval         how often heap in use and RSS are sampled
     * @param liveHeapInterval       how often a full collection is forced to read the live heap
     * @param maxHeapGrowthMbPerHour largest acceptable slope of the live heap
     * @param maxRssGrowthMbPerHour  largest acceptable slope of the resident set
     */
    public record Settings(Duration sampleInterval, Duration liveHeapInterval, double maxHeapGrowthMbPerHour,
                           double maxRssGrowthMbPerHour) {
    }

    /**
     * @param load          the run
     * @param samples       every resource sample
     * @param liveHeap      every live-heap reading
     * @param heapMbPerHour slope of the live heap over the second half
     * @param rssMbPerHour  slope of the resident set over the second half (NaN without procfs)
     * @param fixedHeap     whether the heap's initial size equals its maximum, so RSS does not follow heap sizing
     * @param settings      the limits
     */
    public record Result(LoadResult load, List<ResourceSampler.Sample> samples, List<LiveHeapSampler.Sample> liveHeap,
                         double heapMbPerHour, double rssMbPerHour, boolean fixedHeap, Settings settings) {
        public Result {
            samples = List.copyOf(samples);
            liveHeap = List.copyOf(liveHeap);
        }

        public boolean passed() {
            return load.exactlyOnce() && heapMbPerHour <= settings.maxHeapGrowthMbPerHour()
                    && (Double.isNaN(rssMbPerHour) || rssMbPerHour <= settings.maxRssGrowthMbPerHour());
        }

        public String markdown() {
            StringBuilder md = new StringBuilder(LoadReport.markdown("Soak: " + load.speakers() + " speakers", List.of(load)));
            md.append(String.format(Locale.ROOT, "%nSamples: RSS %d, every %d s; live heap %d, every %d s (longest forced "
                            + "full collection %d ms). Linear trend over the second half: live heap %+.1f MB/h (limit %.0f), "
                            + "RSS %+.1f MB/h (limit %.0f). Passed: %s.%n",
                    samples.size(), settings.sampleInterval().toSeconds(), liveHeap.size(),
                    settings.liveHeapInterval().toSeconds(),
                    liveHeap.stream().mapToLong(LiveHeapSampler.Sample::collectMs).max().orElse(0),
                    heapMbPerHour, settings.maxHeapGrowthMbPerHour(), rssMbPerHour, settings.maxRssGrowthMbPerHour(),
                    passed() ? "yes" : "**no**"));
            if (!fixedHeap) {
                md.append("\nThe heap was not fixed (-Xms < -Xmx): RSS also follows the JVM's heap sizing.\n");
            }
            md.append("\n| minute | heap used MB | live heap MB | RSS MB |\n|---|---|---|---|\n");
            Map<Long, LiveHeapSampler.Sample> liveByMinute = new TreeMap<>();
            liveHeap.forEach(s -> liveByMinute.putIfAbsent(s.elapsedMs() / 60_000, s));
            long lastMinute = -1;
            for (ResourceSampler.Sample s : samples) {
                long minute = s.elapsedMs() / 60_000;
                if (minute != lastMinute) {
                    LiveHeapSampler.Sample live = liveByMinute.get(minute);
                    md.append(String.format(Locale.ROOT, "| %d | %.0f | %s | %.0f |%n", minute, s.heapUsedBytes() / MB,
                            live == null ? "" : String.format(Locale.ROOT, "%.0f", live.liveBytes() / MB), s.rssBytes() / MB));
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
        try (ResourceSampler resources = new ResourceSampler(settings.sampleInterval());
             LiveHeapSampler liveHeap = new LiveHeapSampler(settings.liveHeapInterval())) {
            LoadResult load = LoadRun.run(clients, plan, loops, options);
            List<ResourceSampler.Sample> samples = resources.samples();
            List<LiveHeapSampler.Sample> live = liveHeap.samples();
            List<ResourceSampler.Sample> secondHalf = secondHalf(samples);
            double rss = secondHalf.stream().anyMatch(s -> s.rssBytes() < 0) ? Double.NaN
                    : mbPerHour(secondHalf, ResourceSampler.Sample::elapsedMs, ResourceSampler.Sample::rssBytes);
            double heap = mbPerHour(secondHalf(live), LiveHeapSampler.Sample::elapsedMs, LiveHeapSampler.Sample::liveBytes);
            return new Result(load, samples, live, heap, rss, heapIsFixed(), settings);
        }
    }

    private static <S> List<S> secondHalf(List<S> samples) {
        return samples.subList(samples.size() / 2, samples.size());
    }

    static <S> double mbPerHour(List<S> samples, ToLongFunction<S> elapsedMs, ToLongFunction<S> bytes) {
        return LinearTrend.fit(samples.stream()
                        .map(s -> new LinearTrend.Point(elapsedMs.applyAsLong(s), bytes.applyAsLong(s) / MB)).toList())
                .slope() * MS_PER_HOUR;
    }

    private static boolean heapIsFixed() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return heap.getMax() > 0 && heap.getInit() == heap.getMax();
    }
}
