package io.callface.stream.dev;

import io.callface.stream.loadtest.BenchStack;
import io.callface.stream.loadtest.FaultRun;
import io.callface.stream.loadtest.LoadPlan;
import io.callface.stream.loadtest.LoadRun;
import io.callface.stream.loadtest.ScratchDirectory;
import io.callface.stream.synth.VoiceLoops;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bench faults}: two instances in child JVMs, one SIGKILLed and restarted repeatedly under load. */
@Command(name = "faults", mixinStandardHelpOptions = true,
        description = "Run two instances as child JVMs under real-time load, SIGKILL and restart one of them repeatedly, "
                + "then check every expected window was committed exactly once (read_committed).")
final class BenchFaultsCommand implements Callable<Integer> {
    @Mixin
    private BenchOptions options;

    @Option(names = "--speakers", defaultValue = "20", description = "Concurrent speakers (default: ${DEFAULT-VALUE}).")
    private int speakers;

    @Option(names = "--duration", defaultValue = "300", paramLabel = "SECONDS", description = "How long participants keep joining; the kills are spread over it (default: ${DEFAULT-VALUE}).")
    private long seconds;

    @Option(names = "--kills", defaultValue = "20", description = "SIGKILLs of the victim instance (default: ${DEFAULT-VALUE}).")
    private int kills;

    @Option(names = "--instance-heap", defaultValue = "512m", description = "-Xmx of each instance (default: ${DEFAULT-VALUE}).")
    private String heap;

    @Override
    public Integer call() throws Exception {
        String header = BenchOptions.header("bench faults --speakers " + speakers + " --duration " + seconds + " --kills " + kills);
        try (ScratchDirectory scratch = ScratchDirectory.create("callface-bench");
             BenchStack stack = BenchStack.startInfrastructure(options.stackSettings(scratch))) {
            LoadPlan plan = LoadPlan.generate("faults" + speakers, speakers, Duration.ofSeconds(seconds), options.codecs, options.seed);
            FaultRun.Result result = FaultRun.run(stack, plan, VoiceLoops.encode(options.codecs),
                    new FaultRun.Settings(kills, List.of("-Xmx" + heap)), scratch.path().resolve("instances"),
                    new LoadRun.Options(Duration.ofSeconds(180), Duration.ofSeconds(1)));
            options.publish(header + result.markdown(kills));
            return result.passed(kills) ? 0 : 1;
        }
    }
}
