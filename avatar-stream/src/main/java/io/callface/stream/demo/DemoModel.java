package io.callface.stream.demo;

import io.callface.stream.model.ModelContract;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the demo's model: a directory the user names, or the cached default, trained on first use by
 * running the trainer job ({@code trainer.jar synth} then {@code train}) with its progress shown. The
 * trainer runs as its own process because it is its own application, with PyTorch beside it.
 */
public final class DemoModel {
    /** A preset that trains within minutes on two cores. */
    static final String DEMO_PRESET = "small";
    static final int DEMO_IDENTITIES = 120;

    private DemoModel() {
    }

    /** Returns a model directory holding {@code model.json}, training one into {@code cacheDir} if needed. */
    public static Path ensure(Path cacheDir, Path trainerJar, PrintStream log) {
        Path modelDir = cacheDir.resolve("model-" + DEMO_PRESET);
        if (Files.isRegularFile(modelDir.resolve(ModelContract.MANIFEST_FILE))) {
            log.println("Using the cached demo model in " + modelDir);
            return modelDir;
        }
        if (!Files.isRegularFile(trainerJar)) {
            throw new IllegalStateException("No cached model in " + modelDir + " and no trainer at " + trainerJar
                    + ": build it with ./mvnw -B package -DskipTests, or pass --models DIR");
        }
        Path corpus = cacheDir.resolve("corpus");
        log.println("No cached model: training the '" + DEMO_PRESET + "' preset once (a few minutes on 2 cores)...");
        runTrainer(trainerJar, log, "synth", "--out", corpus.toString(), "--identities", String.valueOf(DEMO_IDENTITIES));
        runTrainer(trainerJar, log, "train", "--data", corpus.toString(), "--preset", DEMO_PRESET, "--out", modelDir.toString());
        return modelDir;
    }

    private static void runTrainer(Path trainerJar, PrintStream log, String... args) {
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-jar", trainerJar.toString()));
        command.addAll(List.of(args));
        log.println("$ " + String.join(" ", command));
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().put("DJL_OFFLINE", "true");
        try {
            int exit = builder.start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException("trainer " + args[0] + " failed with exit code " + exit);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the trainer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while training the demo model", e);
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
