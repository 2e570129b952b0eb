package io.callface.stream.cli;

import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;

/**
 * {@code java -jar avatar-stream.jar <command>}: the stream processor's command line, as production runs it. The
 * developer stack (demo, feed, bench) is {@code callface-dev.jar}, a separate artifact.
 */
@Command(name = "avatar-stream", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "callface: gives every caller a face, live, from their voice (Speech2Face on Kafka Streams).",
        subcommands = {RunCommand.class, SpectrogramCommand.class})
public final class AvatarStreamCli implements Runnable {
    /** Commands this jar had before the developer stack became its own artifact. */
    private static final Set<String> DEVELOPER_COMMANDS = Set.of("demo", "feed", "bench");

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line, with a usage error that points to {@code callface-dev.jar} for its commands. */
    public static CommandLine commandLine() {
        return new CommandLine(new AvatarStreamCli()).setParameterExceptionHandler(AvatarStreamCli::reportUsageError);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static int reportUsageError(ParameterException error, String[] args) {
        CommandLine cli = error.getCommandLine();
        cli.getErr().println(error.getMessage());
        if (args.length > 0 && DEVELOPER_COMMANDS.contains(args[0])) {
            cli.getErr().println("'" + args[0] + "' is part of the developer stack: java -jar callface-dev.jar " + args[0]);
        }
        cli.usage(cli.getErr());
        return cli.getCommandSpec().exitCodeOnInvalidInput();
    }
}
