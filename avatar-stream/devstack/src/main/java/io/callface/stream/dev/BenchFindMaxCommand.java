package io.callface.stream.dev;

import io.callface.stream.loadtest.BenchStack;
import io.callface.stream.loadtest.LoadReport;
import io.callface.stream.loadtest.LoadRun;
import io.callface.stream.loadtest.MaxFinder;
import io.callface.stream.loadtest.ScratchDirectory;
import io.callface.stream.synth.VoiceLoops;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bench find-max}: steps the speaker count up until the instance falls behind. */
@Command(name = "find-max", mixinStandardHelpOptions = true,
        description = "Step the number of real-time speakers up until lag grows, a window is lost or duplicated, or p99 latency passes the goal.")
final class BenchFindMaxCommand implements Callable<Integer> {
    @Mixin
    private BenchOptions options;

    @Option(names = "--start", defaultValue = "25", description = "Speakers in the first step (default: ${DEFAULT-VALUE}).")
    private int start;

    @Option(names = "--step", defaultValue = "25", description = "Speakers added per step (default: ${DEFAULT-VALUE}).")
    private int step;

    @Option(names = "--limit", defaultValue = "400", description = "Largest step tried (default: ${DEFAULT-VALUE}).")
    private int limit;

    @Option(names = "--step-seconds", defaultValue = "60", description = "How long participants keep joining per step (default: ${DEFAULT-VALUE}).")
    private long stepSeconds;

    @Mixin
    private LoadWarmUpOption warmUp;

    @Option(names = "--max-p99-ms", defaultValue = "1000", description = "End-to-end p99 a step must stay under (default: ${DEFAULT-VALUE}).")
    private double maxP99Ms;

    @Override
    public Integer call() throws Exception {
        String header = BenchOptions.header("bench find-max --start " + start + " --step " + step + " --limit " + limit
                + " --step-seconds " + stepSeconds + " --max-p99-ms " + maxP99Ms + warmUp.words());
        try (ScratchDirectory scratch = ScratchDirectory.create("callface-bench");
             BenchStack stack = BenchStack.start(options.stackSettings(scratch))) {
            VoiceLoops loops = VoiceLoops.encode(options.codecs);
            warmUp.run(stack, start, options, loops);
            MaxFinder.Outcome outcome = MaxFinder.find(stack.clients(),
                    new MaxFinder.Settings(start, step, limit, Duration.ofSeconds(stepSeconds), maxP99Ms), options.codecs,
                    loops, options.seed, LoadRun.Options.DEFAULTS, System.out);
            options.publish(header + LoadReport.markdown("Capacity: model " + stack.app().modelVersion(), outcome.steps())
                    + "\nMost speakers sustained (lag bounded, every window exactly once, p99 < " + maxP99Ms + " ms): **"
                    + outcome.maxSustained() + "**.\n");
            return outcome.maxSustained() > 0 ? 0 : 1;
        }
    }
}
