package io.callface.stream.dev;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code callface-dev bench <mode>}: proof under load and faults on the embedded stack (a real KRaft broker, a
 * schema registry and avatar-stream), each mode printing a Markdown report.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Load, capacity, hostile-input, model-attack, fault and soak runs on the embedded stack, each "
                + "printing a Markdown report. Real-time simulated callers: 20 ms chunks, mixed codecs, speech and "
                + "silence, participants joining and leaving."},
        subcommands = {BenchLoadCommand.class, BenchFindMaxCommand.class, BenchHostileCommand.class,
                BenchModelAttackCommand.class, BenchFaultsCommand.class, BenchSoakCommand.class})
final class BenchCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
