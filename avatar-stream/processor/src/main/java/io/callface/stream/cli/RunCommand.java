package io.callface.stream.cli;

import io.callface.stream.app.AvatarStreamApp;
import io.callface.stream.config.AvatarStreamConfig;
import io.callface.stream.config.EnvironmentSettings;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.KafkaStreams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Production mode: an external Kafka cluster and schema registry, configured by a properties file and/or
 * {@code CALLFACE_*} environment variables (see {@link EnvironmentSettings}), the environment winning.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the stream processor against an external Kafka cluster and schema registry.")
final class RunCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE", description = "Properties file of callface settings (see --print-config-docs); optional when "
            + "CALLFACE_* environment variables supply the required ones, and they override the file.")
    private Path configFile;

    @Option(names = "--print-config-docs", description = "Print every setting with its type, default and meaning, then exit.")
    private boolean printConfigDocs;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (printConfigDocs) {
            // Standard output, so that `run --print-config-docs > settings.md` captures it.
            spec.commandLine().getOut().println(AvatarStreamConfig.documentation());
            spec.commandLine().getOut().flush();
            return 0;
        }
        Properties properties = new Properties();
        if (configFile != null) {
            try (Reader reader = Files.newBufferedReader(configFile)) {
                properties.load(reader);
            }
        }
        AvatarStreamConfig config;
        try {
            config = new AvatarStreamConfig(EnvironmentSettings.overlay(properties, System.getenv()));
        } catch (ConfigException e) {
            spec.commandLine().getErr().println("run: " + e.getMessage() + " (settings come from --config FILE and CALLFACE_* variables)");
            return 2;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        try (AvatarStreamApp app = AvatarStreamApp.start(config, (newState, oldState) -> {
            if (newState == KafkaStreams.State.ERROR || newState == KafkaStreams.State.NOT_RUNNING) {
                stopped.countDown();
            }
        })) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                app.close();
                stopped.countDown();
            }, "callface-shutdown"));
            stopped.await();
            return app.state() == KafkaStreams.State.ERROR ? 1 : 0;
        }
    }
}
