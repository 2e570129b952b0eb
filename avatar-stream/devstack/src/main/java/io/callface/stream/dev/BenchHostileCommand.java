package io.callface.stream.dev;

import io.callface.stream.loadtest.BadRecordKind;
import io.callface.stream.loadtest.BenchStack;
import io.callface.stream.loadtest.HostileResult;
import io.callface.stream.loadtest.HostileRun;
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

/** {@code bench hostile}: bad records of every kind mixed into real-time traffic. */
@Command(name = "hostile", mixinStandardHelpOptions = true,
        description = "Mix bad records (random bytes, wrong schema ids, truncated Avro, absurd rates, NaN audio, oversized "
                + "payloads, bad sequences, no consent, ...) into valid real-time traffic and account for every one.")
final class BenchHostileCommand implements Callable<Integer> {
    @Mixin
    private BenchOptions options;

    @Option(names = "--speakers", defaultValue = "20", description = "Valid concurrent speakers (default: ${DEFAULT-VALUE}).")
    private int speakers;

    @Option(names = "--duration", defaultValue = "60", paramLabel = "SECONDS", description = "How long participants join and bad records flow (default: ${DEFAULT-VALUE}).")
    private long seconds;

    @Option(names = "--bad-records", defaultValue = "10000", description = "Bad records to send (default: ${DEFAULT-VALUE}).")
    private int badRecords;

    @Override
    public Integer call() throws Exception {
        String header = BenchOptions.header("bench hostile --speakers " + speakers + " --duration " + seconds + " --bad-records " + badRecords);
        try (ScratchDirectory scratch = ScratchDirectory.create("callface-bench");
             BenchStack stack = BenchStack.start(options.stackSettings(scratch))) {
            LoadPlan plan = LoadPlan.generate("hostile" + speakers, speakers, Duration.ofSeconds(seconds), options.codecs, options.seed);
            HostileResult result = HostileRun.run(stack, plan, VoiceLoops.encode(options.codecs),
                    new HostileRun.Settings(badRecords, List.of(BadRecordKind.values()), options.seed), LoadRun.Options.DEFAULTS);
            options.publish(header + result.markdown());
            return result.passed() ? 0 : 1;
        }
    }
}
