package io.callface.stream.loadtest;

import io.callface.stream.config.AvatarStreamConfig;
import io.callface.stream.synth.VoiceLoops;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;

/**
 * One load run against a running stream processor: plays a {@link LoadPlan} in real time, samples consumer lag
 * and this process's resources, waits for the last expected avatar, and checks the committed output against
 * the windows the scripts must produce.
 */
public final class LoadRun {
    /** The goal for a participant's first provisional avatar. */
    public static final long FIRST_AVATAR_GOAL_MS = 3_500;
    /** Span of the latency-over-time figures: windows are grouped by the 10 s of the run they ended in. */
    public static final long LATENCY_SPAN_MS = 10_000;

    /**
     * @param drainTimeout   how long after the last chunk the last avatars may take
     * @param sampleInterval how often lag and resources are sampled
     */
    public record Options(Duration drainTimeout, Duration sampleInterval) {
        public static final Options DEFAULTS = new Options(Duration.ofSeconds(60), Duration.ofSeconds(1));
    }

    private LoadRun() {
    }

    public static LoadResult run(LoadClients clients, LoadPlan plan, VoiceLoops loops, Options options)
            throws InterruptedException {
        return run(clients, plan, loops, options, () -> { });
    }

    /**
     * As {@link #run(LoadClients, LoadPlan, VoiceLoops, Options)}, calling {@code duringRun} on this thread once
     * the generator has started (hostile input, model releases or kills run beside the load this way).
     */
    public static LoadResult run(LoadClients clients, LoadPlan plan, VoiceLoops loops, Options options,
                                 Interference duringRun) throws InterruptedException {
        AvatarStreamConfig config = clients.config();
        String loadStart = LoadAverage.now();
        Set<WindowKey> expected = plan.expectedWindows();
        try (Admin admin = clients.admin();
             AvatarCollector collector = new AvatarCollector(clients.avatarConsumer(), config.avatarsTopic(), plan.runId() + "-");
             LagSampler lag = new LagSampler(admin, config.getString(AvatarStreamConfig.APPLICATION_ID_CONFIG),
                     config.audioTopic(), options.sampleInterval());
             ResourceSampler resources = new ResourceSampler(options.sampleInterval());
             LoadGenerator generator = new LoadGenerator(clients.audioProducer(), config.audioTopic(), loops)) {
            String applicationId = config.getString(AvatarStreamConfig.APPLICATION_ID_CONFIG);
            ThreadCpu before = ThreadCpu.now(applicationId);
            var sending = generator.start(plan);
            duringRun.run();
            try {
                sending.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("the load generator failed: " + e.getCause().getMessage(), e.getCause());
            }
            long sentAtMs = System.currentTimeMillis();
            double sendSeconds = (sentAtMs - generator.startEpochMs()) / 1000.0;
            CpuShares cpu = ThreadCpu.now(applicationId).since(before, sendSeconds);
            long deadline = System.nanoTime() + options.drainTimeout().toNanos();
            while (!collector.hasAll(expected) && System.nanoTime() < deadline) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            }
            long drainMs = collector.hasAll(expected) ? System.currentTimeMillis() - sentAtMs : -1;
            // Late duplicates would come within a commit interval or two; give them the chance to show.
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(2));
            return result(plan, generator, collector, lag.samples(), resources.samples(), cpu, sendSeconds,
                    drainMs, loadStart);
        }
    }

    /** Work done on the caller's thread while the generator plays. */
    @FunctionalInterface
    public interface Interference {
        void run() throws InterruptedException;
    }

    private static LoadResult result(LoadPlan plan, LoadGenerator generator, AvatarCollector collector,
                                     List<LagSampler.Sample> lags, List<ResourceSampler.Sample> resources,
                                     CpuShares cpu, double sendSeconds,
                                     long drainMs, String loadStart) {
        Set<WindowKey> expected = plan.expectedWindows();
        Map<WindowKey, Integer> seen = collector.seen();
        List<String> examples = new ArrayList<>();
        int lost = 0;
        for (WindowKey key : expected) {
            if (!seen.containsKey(key)) {
                lost++;
                addExample(examples, "lost " + key);
            }
        }
        int duplicated = 0;
        int unexpected = 0;
        for (Map.Entry<WindowKey, Integer> entry : seen.entrySet()) {
            if (entry.getValue() > 1) {
                duplicated += entry.getValue() - 1;
                addExample(examples, "duplicated x" + entry.getValue() + " " + entry.getKey());
            }
            if (!expected.contains(entry.getKey())) {
                unexpected++;
                addExample(examples, "unexpected " + entry.getKey());
            }
        }
        Histogram firstAvatar = new Histogram(TimeUnit.MINUTES.toMillis(10), 3);
        Map<String, Long> firsts = collector.firstAvatarEpochMs();
        long within = 0;
        Set<String> speakers = new HashSet<>();
        for (SessionPlan session : plan.sessions()) {
            speakers.add(session.speaker().key());
            Long first = firsts.get(session.speaker().key());
            if (first != null) {
                long ms = Math.max(0, first - (generator.startEpochMs() + session.startMs()));
                firstAvatar.recordValue(Math.min(ms, firstAvatar.getHighestTrackableValue()));
                within += ms <= FIRST_AVATAR_GOAL_MS ? 1 : 0;
            }
        }
        long half = plan.duration().toMillis() / 2;
        long sendEndMs = (long) (sendSeconds * 1000);
        Histogram secondHalf = new Histogram(3);
        long maxLag = 0;
        for (LagSampler.Sample sample : lags) {
            maxLag = Math.max(maxLag, sample.lag());
            if (sample.elapsedMs() >= half && sample.elapsedMs() <= sendEndMs) {
                secondHalf.recordValue(Math.max(0, sample.lag()));
            }
        }
        long lagP95 = secondHalf.getTotalCount() == 0 ? maxLag : secondHalf.getValueAtPercentile(95);
        double mb = 1024 * 1024;
        return new LoadResult(plan.runId(), plan.speakers(), speakers.size(), sendSeconds, generator.chunksSent(),
                generator.sendFailures(), expected.size(), lost, duplicated, unexpected, examples,
                Percentiles.of(collector.latencyMs(), 1),
                Percentiles.of(collector.latencyMsOfWindowsEndingFrom(generator.startEpochMs() + half), 1),
                collector.latencyMsBySpan(generator.startEpochMs(), LATENCY_SPAN_MS).stream()
                        .map(histogram -> Percentiles.of(histogram, 1)).toList(),
                Percentiles.of(collector.inAppMs(), 1), Percentiles.of(firstAvatar, 1), within,
                Percentiles.of(generator.sendLagMicros(), 1000), maxLag, lagP95, plan.speakers() * 50L + 50, drainMs,
                cpu, resources.stream().mapToLong(ResourceSampler.Sample::heapUsedBytes).max().orElse(0) / mb,
                resources.stream().mapToLong(ResourceSampler.Sample::heapAfterGcBytes).max().orElse(0) / mb,
                resources.stream().mapToLong(ResourceSampler.Sample::rssBytes).max().orElse(-1) / mb,
                loadStart, LoadAverage.now());
    }

    private static void addExample(List<String> examples, String example) {
        if (examples.size() < 10) {
            examples.add(example);
        }
    }
}
