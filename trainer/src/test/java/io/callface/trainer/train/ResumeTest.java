package io.callface.trainer.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.callface.trainer.nn.Preset;
import io.callface.trainer.onnx.ModelDirectory;
import io.callface.trainer.synth.CorpusManifest;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoints and resume: an interrupted run continued with --resume gives the uninterrupted run's model. */
class ResumeTest {
    private static final Preset TINY = Preset.tiny();
    private static final TrainingOptions OPTIONS = TrainingOptions.defaults(TINY).withFaceEpochs(3).withVoiceEpochs(2)
            .withFaceBatchSize(4).withSeed(5);
    private static final String INTERRUPTION = "simulated interruption";

    @TempDir
    static Path tmp;
    static CorpusManifest corpus;
    static ModelDirectory uninterrupted;
    static CheckpointDirectory uninterruptedCheckpoints;

    @BeforeAll
    static void trainUninterrupted() throws Exception {
        Path dir = TestCorpus.write(tmp.resolve("corpus"), 8, 2, 2, 5);
        // Renderings make the face stage draw a view per identity and step: resuming must redraw the same ones.
        TestCorpus.writeRenderings(dir, 2, 5);
        corpus = CorpusManifest.read(dir);
        uninterruptedCheckpoints = new CheckpointDirectory(tmp.resolve("checkpoints"));
        uninterrupted = pipeline().train(corpus, TINY, tmp.resolve("uninterrupted"), OPTIONS,
                Optional.of(uninterruptedCheckpoints), false);
    }

    @Test
    void resumingInsideTheFaceStageGivesTheSameModel() {
        CheckpointDirectory checkpoints = new CheckpointDirectory(tmp.resolve("face-interrupted"));
        // Interrupted during face epoch 3 with the same options (the face stage's learning-rate schedule spans
        // all its epochs): face.ckpt of epoch 2 is what is left behind.
        assertThatThrownBy(() -> interruptedAt("[face] epoch 3/").train(corpus, TINY, tmp.resolve("partial-face"),
                OPTIONS, Optional.of(checkpoints), false)).hasMessage(INTERRUPTION);
        assertThat(checkpoints.path().resolve(CheckpointDirectory.VOICE_FILE)).doesNotExist();

        ModelDirectory resumed = pipeline().train(corpus, TINY, tmp.resolve("resumed-face"), OPTIONS,
                Optional.of(checkpoints), true);

        assertThat(resumed.manifest().sha256()).isEqualTo(uninterrupted.manifest().sha256());
        assertThat(TrainingLog.read(resumed.path()).records()).hasSize(5);
    }

    @Test
    void resumingInsideTheVoiceStageGivesTheSameModel() {
        CheckpointDirectory checkpoints = new CheckpointDirectory(tmp.resolve("voice-interrupted"));
        pipeline().train(corpus, TINY, tmp.resolve("partial-voice"), OPTIONS.withVoiceEpochs(1),
                Optional.of(checkpoints), false);
        ByteArrayOutputStream log = new ByteArrayOutputStream();

        ModelDirectory resumed = new TrainingPipeline(new ProgressReporter(new PrintStream(log, true,
                StandardCharsets.UTF_8), System::nanoTime)).train(corpus, TINY, tmp.resolve("resumed-voice"), OPTIONS,
                Optional.of(checkpoints), true);

        assertThat(resumed.manifest().sha256()).isEqualTo(uninterrupted.manifest().sha256());
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("face epochs done 3, voice epochs done 1")
                .doesNotContain("[face] epoch");
    }

    @Test
    void exportingTheCheckpointsGivesTheTrainedModel() {
        ModelDirectory exported = TrainingPipeline.export(uninterruptedCheckpoints, tmp.resolve("exported"),
                OPTIONS.version());

        assertThat(exported.manifest().sha256()).isEqualTo(uninterrupted.manifest().sha256());
        assertThat(TrainingLog.read(exported.path()).records()).isEqualTo(TrainingLog.read(uninterrupted.path()).records());
        assertThat(exported.manifest().metrics()).containsKeys("train_face_samples_per_s", "train_voice_samples_per_s");
    }

    @Test
    void exportWithoutAVoiceCheckpointSaysWhatIsMissing() throws Exception {
        CheckpointDirectory faceOnly = new CheckpointDirectory(tmp.resolve("face-only"));
        Files.createDirectories(faceOnly.path());
        Files.copy(uninterruptedCheckpoints.path().resolve(CheckpointDirectory.FACE_FILE),
                faceOnly.path().resolve(CheckpointDirectory.FACE_FILE));

        assertThatThrownBy(() -> TrainingPipeline.export(faceOnly, tmp.resolve("x"), "0.1.0"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no voice.ckpt yet (face stage at epoch 3)");
    }

    @Test
    void anAveragedRunExportsTheMeanOfItsLastEpochsWeightsWithRecomputedBatchNormStatistics() throws Exception {
        TrainingOptions lastTwo = OPTIONS.withVoiceEpochs(3).withVoiceAverageEpochs(2);
        CheckpointDirectory checkpoints = new CheckpointDirectory(tmp.resolve("averaged"));
        ModelDirectory averaged = pipeline().train(corpus, TINY, tmp.resolve("averaged-model"), lastTwo,
                Optional.of(checkpoints), false);
        ModelDirectory lastEpoch = pipeline().train(corpus, TINY, tmp.resolve("last-epoch"),
                lastTwo.withVoiceAverageEpochs(0), Optional.empty(), false);
        CheckpointDirectory meanByHand = new CheckpointDirectory(tmp.resolve("mean-by-hand"));
        Files.createDirectories(meanByHand.path());
        Files.copy(checkpoints.path().resolve(CheckpointDirectory.FACE_FILE),
                meanByHand.path().resolve(CheckpointDirectory.FACE_FILE));
        CheckpointDirectory.Stage voice = checkpoints.read(EpochRecord.VOICE).orElseThrow();
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            Map<String, NDArray> tensors = new LinkedHashMap<>();
            voice.tensors().forEach((name, values) -> {
                float[] second = voice.tensors().get(LastEpochsAverage.PREFIX + "2/" + name);
                float[] third = voice.tensors().get(LastEpochsAverage.PREFIX + "3/" + name);
                float[] recomputed = voice.tensors().get(LastEpochsAverage.BATCH_NORM_PREFIX + name);
                if (recomputed != null) {
                    tensors.put(name, manager.create(recomputed));
                } else if (second != null) {
                    float[] mean = new float[values.length];
                    for (int i = 0; i < mean.length; i++) {
                        mean[i] = (float) (((double) second[i] + third[i]) / 2);
                    }
                    tensors.put(name, manager.create(mean));
                } else if (!name.startsWith(LastEpochsAverage.PREFIX)) {
                    tensors.put(name, manager.create(values));
                }
            });
            meanByHand.save(voice.header(), tensors);
        }

        ModelDirectory exported = TrainingPipeline.export(meanByHand, tmp.resolve("mean-by-hand-model"), OPTIONS.version());

        assertThat(voice.tensors().keySet()).anyMatch(name -> name.startsWith(LastEpochsAverage.BATCH_NORM_PREFIX)
                && name.endsWith("runningVar"));
        assertThat(exported.manifest().sha256()).isEqualTo(averaged.manifest().sha256());
        assertThat(averaged.manifest().sha256().get("encoder.onnx"))
                .isNotEqualTo(lastEpoch.manifest().sha256().get("encoder.onnx"));
        assertThat(averaged.manifest().sha256().get("decoder.onnx"))
                .isEqualTo(lastEpoch.manifest().sha256().get("decoder.onnx"));
        assertThat(averaged.manifest().metrics()).containsEntry(TrainingPipeline.VOICE_EPOCHS_AVERAGED, 2.0);
        assertThat(lastEpoch.manifest().metrics()).containsEntry(TrainingPipeline.VOICE_EPOCHS_AVERAGED, 1.0);
        assertThat(TrainingPipeline.export(checkpoints, tmp.resolve("averaged-export"), OPTIONS.version()).manifest()
                .sha256()).isEqualTo(averaged.manifest().sha256());

        CheckpointDirectory interrupted = new CheckpointDirectory(tmp.resolve("averaged-interrupted"));
        pipeline().train(corpus, TINY, tmp.resolve("averaged-partial"), lastTwo.withVoiceEpochs(2),
                Optional.of(interrupted), false);
        ModelDirectory resumed = pipeline().train(corpus, TINY, tmp.resolve("averaged-resumed"), lastTwo,
                Optional.of(interrupted), true);
        assertThat(resumed.manifest().sha256()).isEqualTo(averaged.manifest().sha256());
    }

    @Test
    void aCheckpointOfAnotherPresetIsRefused() {
        Preset small = Preset.small();
        assertThatThrownBy(() -> pipeline().train(corpus, small, tmp.resolve("other"),
                TrainingOptions.defaults(small).withFaceEpochs(3).withVoiceEpochs(2), Optional.of(uninterruptedCheckpoints), true))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("written for preset tiny");
    }

    private static TrainingPipeline pipeline() {
        return new TrainingPipeline(new ProgressReporter(new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), System::nanoTime));
    }

    /**
     * A pipeline whose run stops, as a killed process would, when its progress line starts with {@code prefix}:
     * a clock that jumps a minute per reading makes every step print, and the line's write throws.
     */
    private static TrainingPipeline interruptedAt(String prefix) {
        OutputStream stopper = new OutputStream() {
            private final ByteArrayOutputStream line = new ByteArrayOutputStream();

            @Override
            public void write(int b) {
                line.write(b);
                if (line.toString(StandardCharsets.UTF_8).startsWith(prefix)) {
                    throw new IllegalStateException(INTERRUPTION);
                }
                if (b == '\n') {
                    line.reset();
                }
            }
        };
        AtomicLong clock = new AtomicLong();
        return new TrainingPipeline(new ProgressReporter(new PrintStream(stopper, true, StandardCharsets.UTF_8),
                () -> clock.addAndGet(60_000_000_000L)));
    }
}
