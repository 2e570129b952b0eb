package io.callface.stream.dev;

import io.callface.stream.config.AvatarStreamConfig;
import io.callface.stream.demo.DemoModel;
import io.callface.stream.loadtest.BenchStack;
import io.callface.stream.loadtest.LoadAverage;
import io.callface.stream.loadtest.ScratchDirectory;
import io.callface.stream.synth.Codec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options every {@code bench} mode shares: the model, the stack's shape, the codec mix and the report. */
final class BenchOptions {
    @Option(names = "--models", paramLabel = "DIR", description = "Model directory to serve (default: the demo model "
            + "shipped in this jar, copied to ~/.cache/callface).")
    Path modelDir;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Broker data and stream state (default: a new temporary directory).")
    Path dataDir;

    @Option(names = "--partitions", defaultValue = "6", description = "Partitions of the audio and avatar topics (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--stream-threads", description = "num.stream.threads of each instance (default: the machine's cores).")
    Integer streamThreads;

    @Option(names = "--codecs", split = ",", paramLabel = "CODEC", description = "Codecs the seats cycle through "
            + "(default: all of pcm16-16k, mulaw-8k, alaw-8k, opus-48k, f32-48k).", converter = CodecConverter.class)
    List<Codec> codecs = Codec.DEFAULT_MIX;

    @Option(names = "--seed", defaultValue = "2019", description = "Seed of the speakers' scripts (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--report", paramLabel = "FILE", description = "Also append the Markdown report to FILE.")
    Path report;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Any further callface setting of the instances, e.g. --set inference.batch.max.wait.ms=1")
    Map<String, String> settings = new LinkedHashMap<>();

    /** Codec names on the command line. */
    static final class CodecConverter implements picocli.CommandLine.ITypeConverter<Codec> {
        @Override
        public Codec convert(String value) {
            return Codec.parse(value);
        }
    }

    /** The stack's settings, its data in {@code --data-dir} or else in {@code scratch}. */
    BenchStack.Settings stackSettings(ScratchDirectory scratch) {
        Path models = modelDir != null ? modelDir : DemoModel.ensure(Path.of(System.getProperty("user.home"), ".cache", "callface"),
                System.out);
        Map<String, String> values = new HashMap<>();
        values.put(AvatarStreamConfig.NUM_STREAM_THREADS_CONFIG,
                String.valueOf(streamThreads != null ? streamThreads : LoadAverage.cores()));
        values.putAll(settings);
        return new BenchStack.Settings(models, dataDir != null ? dataDir : scratch.path().resolve("data"), partitions, values);
    }

    /** Prints the report and appends it to {@code --report}. */
    void publish(String markdown) throws IOException {
        System.out.println(markdown);
        if (report != null) {
            Files.writeString(report, markdown + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            System.out.println("Report appended to " + report.toAbsolutePath());
        }
    }

    /** A line naming the command and the machine's load, for the report's head. */
    static String header(String command) {
        return "Command: `" + command + "`; load average at start " + LoadAverage.now() + ", " + LoadAverage.cores() + " cores.\n\n";
    }
}
