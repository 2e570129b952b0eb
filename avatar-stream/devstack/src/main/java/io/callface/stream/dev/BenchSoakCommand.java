package io.callface.stream.dev;

import io.callface.stream.loadtest.BenchStack;
import io.callface.stream.loadtest.LoadPlan;
import io.callface.stream.loadtest.LoadRun;
import io.callface.stream.loadtest.ScratchDirectory;
import io.callface.stream.loadtest.SoakRun;
import io.callface.stream.synth.VoiceLoops;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code bench soak}: a long run at a fixed load with heap and RSS sampled for a growth trend. */
@Command(name = "soak", mixinStandardHelpOptions = true,
        description = {"Hold N real-time speakers for a long time, sample process RSS and the live heap (after a forced "
                + "full collection), and fit a linear trend through the second half of each: growth above the limits fails.",
                "Run it with a fixed heap (-Xms = -Xmx, e.g. -Xms1g -Xmx1g -XX:+AlwaysPreTouch) so that RSS does not "
                + "follow the JVM's heap sizing."})
final class BenchSoakCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private BenchOptions options;

    @Option(names = "--speakers", defaultValue = "100", description = "Concurrent speakers, e.g. half the measured capacity (default: ${DEFAULT-VALUE}).")
    private int speakers;

    @Option(names = "--duration", defaultValue = "1800", paramLabel = "SECONDS", description = "How long participants keep joining (default: ${DEFAULT-VALUE}).")
    private long seconds;

    @Option(names = "--sample-seconds", defaultValue = "5", description = "Seconds between heap-in-use and RSS samples (default: ${DEFAULT-VALUE}).")
    private long sampleSeconds;

    @Option(names = "--live-heap-seconds", defaultValue = "20", description = "Seconds between forced full collections that read the live heap (default: ${DEFAULT-VALUE}).")
    private long liveHeapSeconds;

    @Option(names = "--max-heap-growth-mb-per-hour", defaultValue = "64", description = "Largest acceptable live-heap slope (default: ${DEFAULT-VALUE}).")
    private double maxHeapGrowth;

    @Option(names = "--max-rss-growth-mb-per-hour", defaultValue = "128", description = "Largest acceptable RSS slope (default: ${DEFAULT-VALUE}).")
    private double maxRssGrowth;

    @Override
    public Integer call() throws Exception {
        requirePositive("--sample-seconds", sampleSeconds);
        requirePositive("--live-heap-seconds", liveHeapSeconds);
        String header = BenchOptions.header("bench soak --speakers " + speakers + " --duration " + seconds);
        try (ScratchDirectory scratch = ScratchDirectory.create("callface-bench");
             BenchStack stack = BenchStack.start(options.stackSettings(scratch))) {
            LoadPlan plan = LoadPlan.generate("soak" + speakers, speakers, Duration.ofSeconds(seconds), options.codecs, options.seed);
            SoakRun.Result result = SoakRun.run(stack.clients(), plan, VoiceLoops.encode(options.codecs),
                    new SoakRun.Settings(Duration.ofSeconds(sampleSeconds), Duration.ofSeconds(liveHeapSeconds), maxHeapGrowth, maxRssGrowth), LoadRun.Options.DEFAULTS);
            options.publish(header + result.markdown());
            return result.passed() ? 0 : 1;
        }
    }

    private void requirePositive(String option, long seconds) {
        if (seconds < 1) {
            throw new ParameterException(spec.commandLine(), option + ": " + seconds + " must be at least 1 second");
        }
    }
}
