package io.callface.stream.dev;

import io.callface.stream.loadtest.BenchStack;
import io.callface.stream.loadtest.LoadPlan;
import io.callface.stream.loadtest.LoadResult;
import io.callface.stream.loadtest.LoadRun;
import io.callface.stream.synth.VoiceLoops;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * {@code --warm-up-seconds}: the same load, unmeasured, before the measured one. In a bench the broker, the
 * registry and every client start in the same fresh JVM as the application, so the first tens of seconds run
 * partly interpreted code; a deployed instance meets a broker that has long been warm. Without the option a run
 * measures that cold start too.
 */
final class LoadWarmUpOption {
    @Option(names = "--warm-up-seconds", defaultValue = "0", paramLabel = "SECONDS",
            description = "First play this long of the same load with other speakers, unmeasured, so that the measured "
                    + "run meets compiled code (default: ${DEFAULT-VALUE}: measure from a cold start).")
    long seconds;

    /** The command-line words that reproduce this option, for a report's header. */
    String words() {
        return seconds > 0 ? " --warm-up-seconds " + seconds : "";
    }

    /** Plays the warm-up load for {@code speakers} on {@code stack}, when asked for. */
    void run(BenchStack stack, int speakers, BenchOptions options, VoiceLoops loops) throws InterruptedException {
        if (seconds <= 0) {
            return;
        }
        LoadPlan plan = LoadPlan.generate("warmup" + speakers, speakers, Duration.ofSeconds(seconds), options.codecs,
                options.seed - 1);
        System.out.printf("Warm-up: %d sessions on %d seats, not measured%n", plan.sessions().size(), speakers);
        LoadResult result = LoadRun.run(stack.clients(), plan, loops, LoadRun.Options.DEFAULTS);
        System.out.printf("Warm-up done: %d windows, p99 %.0f ms, sustained: %s%n", result.expectedWindows(),
                result.latency().p99(), result.sustained());
    }
}
