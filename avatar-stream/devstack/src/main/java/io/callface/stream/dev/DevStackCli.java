package io.callface.stream.dev;

import io.callface.stream.cli.VersionProvider;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar callface-dev.jar <command>}: the developer stack. Each command runs the stream processor beside
 * an embedded Kafka broker and schema registry, or drives one: the demo, feeding WAV files, a demo caller's
 * portrait, and the proofs under load. Production runs {@code avatar-stream.jar run} against a real cluster instead.
 */
@Command(name = "callface-dev", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "callface's developer stack: the demo, feeding WAV files, a demo caller's portrait, and load, fault and "
                + "soak runs on an embedded broker.",
        subcommands = {DemoCommand.class, FeedCommand.class, PortraitCommand.class, BenchCommand.class})
public final class DevStackCli implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new DevStackCli()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
