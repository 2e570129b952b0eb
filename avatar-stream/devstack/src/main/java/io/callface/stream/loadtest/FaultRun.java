package io.callface.stream.loadtest;

import io.callface.stream.config.AvatarStreamConfig;
import io.callface.stream.synth.VoiceLoops;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The fault run: two avatar-stream instances in child JVMs share the load; one of them is killed with
 * {@code SIGKILL} and restarted on the same state directory, again and again, while participants speak.
 * Afterwards every output record the scripts call for must have been committed exactly once
 * ({@code read_committed}): nothing lost in the killed instance's aborted transactions, nothing doubled by the
 * re-processing after fail-over.
 */
public final class FaultRun {
    /** Settings for quick fail-over: short sessions and transactions, inference well inside a transaction. */
    static final Map<String, String> FAST_FAILOVER = Map.of(
            AvatarStreamConfig.KAFKA_PREFIX + "consumer.session.timeout.ms", "6000",
            AvatarStreamConfig.KAFKA_PREFIX + "consumer.heartbeat.interval.ms", "1000",
            AvatarStreamConfig.KAFKA_PREFIX + "producer.transaction.timeout.ms", "10000",
            AvatarStreamConfig.INFERENCE_REQUEST_TIMEOUT_MS_CONFIG, "5000");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    /**
     * @param kills      how many times the victim is killed
     * @param jvmOptions options of the instances' JVMs, e.g. {@code -Xmx512m}
     */
    public record Settings(int kills, List<String> jvmOptions) {
        public Settings {
            jvmOptions = List.copyOf(jvmOptions);
            if (kills < 1) {
                throw new IllegalArgumentException("kills: " + kills + " must be at least 1");
            }
        }
    }

    /**
     * @param load        the run, its exactly-once check included
     * @param kills       kills done
     * @param recoveriesS seconds from each kill until the restarted instance was ready again
     */
    public record Result(LoadResult load, int kills, List<Double> recoveriesS) {
        public Result {
            recoveriesS = List.copyOf(recoveriesS);
        }

        public boolean passed(int requestedKills) {
            return kills == requestedKills && load.exactlyOnce() && load.drainMs() >= 0 && load.sendFailures() == 0;
        }

        public String markdown(int requestedKills) {
            StringBuilder md = new StringBuilder(LoadReport.markdown("Faults: " + kills
                    + " SIGKILLs of one of two instances (the lag and sustained columns include the outages)", List.of(load)));
            md.append(String.format(Locale.ROOT, "%nKills: %d of %d. Seconds from a kill until the restarted instance "
                            + "was ready again: %s. Every expected window exactly once: %s. Passed: %s.%n", kills, requestedKills,
                    recoveriesS.stream().map(s -> String.format(Locale.ROOT, "%.1f", s)).toList(),
                    load.exactlyOnce() ? "yes" : "**no**", passed(requestedKills) ? "yes" : "**no**"));
            return md.toString();
        }
    }

    private FaultRun() {
    }

    /** Runs against a stack started with {@link BenchStack#startInfrastructure} (no in-process application). */
    public static Result run(BenchStack stack, LoadPlan plan, VoiceLoops loops, Settings settings, Path workDir,
                             LoadRun.Options options) throws InterruptedException {
        Map<String, Object> instanceSettings = new HashMap<>(stack.config().originals());
        instanceSettings.putAll(FAST_FAILOVER);
        List<Double> recoveries = new ArrayList<>();
        try (AppProcess victim = AppProcess.start("victim", instanceSettings, workDir, settings.jvmOptions());
             AppProcess survivor = AppProcess.start("survivor", instanceSettings, workDir, settings.jvmOptions())) {
            victim.awaitReady(READY_TIMEOUT);
            survivor.awaitReady(READY_TIMEOUT);
            LoadResult load = LoadRun.run(stack.clients(), plan, loops, options, () -> {
                long spacing = plan.duration().toNanos() / (settings.kills() + 1);
                long start = System.nanoTime();
                for (int kill = 1; kill <= settings.kills(); kill++) {
                    long wait = start + kill * spacing - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    long killed = System.nanoTime();
                    victim.kill();
                    victim.restart();
                    victim.awaitReady(READY_TIMEOUT);
                    recoveries.add((System.nanoTime() - killed) / (double) TimeUnit.SECONDS.toNanos(1));
                }
            });
            return new Result(load, recoveries.size(), recoveries);
        }
    }
}
