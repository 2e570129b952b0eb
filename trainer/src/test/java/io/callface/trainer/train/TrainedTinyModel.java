package io.callface.trainer.train;

import io.callface.trainer.nn.Preset;
import io.callface.trainer.onnx.ModelDirectory;
import io.callface.trainer.synth.CorpusManifest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/** One tiny model trained once per test JVM on a generated corpus and shared by the tests that need one. */
public final class TrainedTinyModel {
    public static final long SEED = 11;
    private static TrainedTinyModel instance;

    private final Path corpus;
    private final ModelDirectory model;
    private final String progressLog;

    private TrainedTinyModel(Path corpus, ModelDirectory model, String progressLog) {
        this.corpus = corpus;
        this.model = model;
        this.progressLog = progressLog;
    }

    public static synchronized TrainedTinyModel get() {
        if (instance == null) {
            try {
                Path root = Files.createTempDirectory("callface-tiny");
                root.toFile().deleteOnExit();
                Path corpus = TestCorpus.write(root.resolve("corpus"), 10, 2, 3, 7);
                ByteArrayOutputStream log = new ByteArrayOutputStream();
                ModelDirectory model = train(corpus, root.resolve("model"), SEED, log);
                instance = new TrainedTinyModel(corpus, model, log.toString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    /** Trains tiny with the fixture's options; progress goes to {@code log} on every step. */
    public static ModelDirectory train(Path corpus, Path out, long seed, ByteArrayOutputStream log) {
        CorpusManifest manifest;
        try {
            manifest = CorpusManifest.read(corpus);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AtomicLong clock = new AtomicLong();
        // A clock that jumps 2 s per reading makes the reporter print every step.
        ProgressReporter progress = new ProgressReporter(new PrintStream(log, true, StandardCharsets.UTF_8),
                () -> clock.addAndGet(2_000_000_000L));
        Preset tiny = Preset.tiny();
        return new TrainingPipeline(progress).train(manifest, tiny, out,
                TrainingOptions.defaults(tiny).withFaceEpochs(40).withVoiceEpochs(6).withSeed(seed));
    }

    public Path corpus() {
        return corpus;
    }

    public ModelDirectory model() {
        return model;
    }

    public String progressLog() {
        return progressLog;
    }

    /** A private copy of the model directory for tests that rewrite model.json. */
    public Path copyModel(Path target) {
        try {
            Files.createDirectories(target);
            try (var files = Files.list(model.path())) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.copy(f, target.resolve(f.getFileName()));
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
