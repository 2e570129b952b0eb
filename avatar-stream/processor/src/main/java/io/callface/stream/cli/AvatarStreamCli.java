package io.callface.stream.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar avatar-stream.jar <command>}: the stream processor's command line, as production runs it. The
 * developer stack (demo, feed, bench) is {@code callface-dev.jar}, a separate artifact.
 */
@Command(name = "avatar-stream", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "callface: gives every caller a face, live, from their voice (Speech2Face on Kafka Streams).",
        subcommands = {RunCommand.class, SpectrogramCommand.class})
public final class AvatarStreamCli implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new AvatarStreamCli()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
