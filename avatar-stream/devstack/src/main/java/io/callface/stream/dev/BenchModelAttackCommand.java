package io.callface.stream.dev;

import io.callface.stream.loadtest.BenchStack;
import io.callface.stream.loadtest.LoadPlan;
import io.callface.stream.loadtest.LoadRun;
import io.callface.stream.loadtest.ModelAttackRun;
import io.callface.stream.loadtest.ScratchDirectory;
import io.callface.stream.synth.VoiceLoops;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bench model-attack}: hostile model releases while the current model serves real-time traffic. */
@Command(name = "model-attack", mixinStandardHelpOptions = true,
        description = "Publish truncated, altered and contract-breaking model releases while speakers talk; every one must "
                + "be dead-lettered and the current model must keep serving every window.")
final class BenchModelAttackCommand implements Callable<Integer> {
    @Mixin
    private BenchOptions options;

    @Option(names = "--speakers", defaultValue = "10", description = "Concurrent speakers (default: ${DEFAULT-VALUE}).")
    private int speakers;

    @Option(names = "--duration", defaultValue = "30", paramLabel = "SECONDS", description = "How long participants keep joining (default: ${DEFAULT-VALUE}).")
    private long seconds;

    @Override
    public Integer call() throws Exception {
        String header = BenchOptions.header("bench model-attack --speakers " + speakers + " --duration " + seconds);
        try (ScratchDirectory scratch = ScratchDirectory.create("callface-bench");
             BenchStack stack = BenchStack.start(options.stackSettings(scratch))) {
            LoadPlan plan = LoadPlan.generate("attack" + speakers, speakers, Duration.ofSeconds(seconds), options.codecs, options.seed);
            ModelAttackRun.Result result = ModelAttackRun.run(stack, plan, VoiceLoops.encode(options.codecs),
                    scratch.path().resolve("attacks"), LoadRun.Options.DEFAULTS);
            options.publish(header + result.markdown());
            return result.passed() ? 0 : 1;
        }
    }
}
