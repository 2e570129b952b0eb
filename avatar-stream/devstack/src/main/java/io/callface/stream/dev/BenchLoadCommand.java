package io.callface.stream.dev;

import io.callface.stream.loadtest.BenchStack;
import io.callface.stream.loadtest.LoadPlan;
import io.callface.stream.loadtest.LoadReport;
import io.callface.stream.loadtest.LoadResult;
import io.callface.stream.loadtest.LoadRun;
import io.callface.stream.loadtest.ScratchDirectory;
import io.callface.stream.synth.VoiceLoops;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bench load}: N real-time speakers for a while, against one in-process instance. */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Run N concurrent real-time speakers for a duration and report latency, first-avatar time, lag, CPU, heap and lost/duplicated windows.")
final class BenchLoadCommand implements Callable<Integer> {
    @Mixin
    private BenchOptions options;

    @Mixin
    private LoadWarmUpOption warmUp;

    @Option(names = "--speakers", defaultValue = "50", description = "Concurrent speakers (default: ${DEFAULT-VALUE}).")
    private int speakers;

    @Option(names = "--duration", defaultValue = "60", paramLabel = "SECONDS", description = "How long participants keep joining (default: ${DEFAULT-VALUE}).")
    private long seconds;

    @Override
    public Integer call() throws Exception {
        String header = BenchOptions.header("bench load --speakers " + speakers + " --duration " + seconds + warmUp.words());
        try (ScratchDirectory scratch = ScratchDirectory.create("callface-bench");
             BenchStack stack = BenchStack.start(options.stackSettings(scratch))) {
            VoiceLoops loops = VoiceLoops.encode(options.codecs);
            warmUp.run(stack, speakers, options, loops);
            LoadPlan plan = LoadPlan.generate("load" + speakers, speakers, Duration.ofSeconds(seconds), options.codecs, options.seed);
            System.out.printf("Playing %d sessions on %d seats (model %s)%n", plan.sessions().size(), speakers, stack.app().modelVersion());
            LoadResult result = LoadRun.run(stack.clients(), plan, loops, LoadRun.Options.DEFAULTS);
            options.publish(header + LoadReport.markdown("Load: " + speakers + " speakers, model " + stack.app().modelVersion(), List.of(result)));
            return result.sustained() ? 0 : 1;
        }
    }
}
