package io.callface.stream.dev;

import io.callface.stream.demo.DemoStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The embedded default: everything in one process, fed by synthetic callers and the user's WAV files. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Start an embedded Kafka broker, schema registry and the stream processor, feed synthetic "
                + "callers (and WAV files) in real time, and write their avatars to files.",
                "Any other producer may publish AudioChunks to callface.audio on the same broker."})
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--duration", paramLabel = "SECONDS", description = "Stop after this many seconds (default: run until Ctrl-C).")
    private Long durationSeconds;

    @Mixin
    private DemoModelOption model;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "callface-demo", description = "Where avatars are written (default: ${DEFAULT-VALUE}).")
    private Path outputDir;

    @Option(names = "--kafka-port", defaultValue = "9092", description = "Broker port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    private int kafkaPort;

    @Option(names = "--registry-port", defaultValue = "8081", description = "Schema registry port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    private int registryPort;

    @Option(names = "--http-port", defaultValue = "8080", description = "Web view, API, health and metrics port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    private int httpPort;

    @Option(names = "--speak-seconds", defaultValue = "20", description = "How long each synthetic caller's call lasts; the voice gate hears voice for 52 %% of it (default: ${DEFAULT-VALUE}).")
    private double speakSeconds;

    @Parameters(paramLabel = "WAV", description = "WAV files to publish as extra callers.")
    private List<Path> wavFiles = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        for (Path wav : wavFiles) {
            if (!Files.isReadable(wav)) {
                System.err.println("demo: cannot read WAV file " + wav);
                return 2;
            }
        }
        Path models = model.modelDir(System.out);
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "callface-demo-stop"));
        try (DemoStack stack = DemoStack.start(new DemoStack.Settings(kafkaPort, registryPort, httpPort, null, models, outputDir), System.out)) {
            Thread feeder = new Thread(() -> feedRounds(stack), "callface-demo-rounds");
            feeder.setDaemon(true);
            feeder.start();
            if (durationSeconds != null) {
                stop.await(durationSeconds, TimeUnit.SECONDS);
            } else {
                System.out.println("Running until Ctrl-C.");
                stop.await();
            }
            feeder.interrupt();
            System.out.printf("Demo done: %d avatars written to %s%n", stack.avatarsWritten(), outputDir.toAbsolutePath());
            return durationSeconds != null && stack.avatarsWritten() == 0 ? 1 : 0;
        }
    }

    /** Round after round of calls, so a long-running demo keeps producing faces. */
    private void feedRounds(DemoStack stack) {
        try {
            for (int round = 1; !Thread.currentThread().isInterrupted(); round++) {
                System.out.println("Feeding call round " + round + " (" + speakSeconds + " s per caller, real time)");
                stack.feed(round, speakSeconds, round == 1 ? wavFiles : List.of(), 1.0);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            System.err.println("demo: cannot read a WAV file: " + e.getMessage());
        }
    }
}
