package io.callface.trainer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.callface.trainer.onnx.ModelDirectory;
import io.callface.trainer.train.CheckpointDirectory;
import io.callface.trainer.train.EpochRecord;
import io.callface.trainer.train.TrainedTinyModel;
import io.callface.trainer.train.TrainingLog;
import io.callface.trainer.train.TrainingPipeline;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TrainCommandTest {
    @TempDir
    Path tmp;

    @Test
    void trainsTinyFromTheCommandLine() {
        Path out = tmp.resolve("model");
        int exit = new CommandLine(new TrainCommand()).execute("--data", TrainedTinyModel.get().corpus().toString(),
                "--preset", "tiny", "--out", out.toString(), "--epochs", "1", "--face-epochs", "2", "--seed", "3",
                "--threads", "1");
        assertThat(exit).isZero();
        assertThat(ModelDirectory.open(out).manifest().preset()).isEqualTo("tiny");
    }

    @Test
    void averagesTheVoiceEncodersLastEpochsOnRequest() {
        Path out = tmp.resolve("model");
        assertThat(new CommandLine(new TrainCommand()).execute("--data", TrainedTinyModel.get().corpus().toString(),
                "--preset", "tiny", "--out", out.toString(), "--epochs", "2", "--face-epochs", "1",
                "--voice-average-epochs", "2", "--threads", "1")).isZero();
        assertThat(ModelDirectory.open(out).manifest().metrics()).containsEntry(TrainingPipeline.VOICE_EPOCHS_AVERAGED, 2.0);
        assertThat(failure("--data", tmp.toString(), "--voice-average-epochs", "-1", "--out", tmp.resolve("m").toString()))
                .contains("voiceAverageEpochs must be >= 0, got -1");
    }

    @Test
    void theInvarianceTermAddsToThePlainL1ObjectiveOfAugmentedClips() {
        Path out = tmp.resolve("model");
        assertThat(new CommandLine(new TrainCommand()).execute("--data", TrainedTinyModel.get().corpus().toString(),
                "--preset", "tiny", "--out", out.toString(), "--epochs", "1", "--face-epochs", "1", "--loss", "l1",
                "--augment", "1", "--invariance-weight", "2", "--threads", "1")).isZero();
        assertThat(TrainingLog.read(out).stage(EpochRecord.VOICE)).singleElement()
                .satisfies(r -> assertThat(r.meanLoss()).isGreaterThan(r.meanFDecL1() * 1.01));
    }

    @Test
    void theAblationLossCheckpointsAndResumesFromTheCommandLine() {
        Path out = tmp.resolve("model");
        Path checkpoints = tmp.resolve("checkpoints");
        String[] args = {"--data", TrainedTinyModel.get().corpus().toString(), "--preset", "tiny", "--out",
                out.toString(), "--epochs", "1", "--face-epochs", "2", "--loss", "l1", "--invariance-weight", "0",
                "--checkpoint-dir", checkpoints.toString()};
        assertThat(new CommandLine(new TrainCommand()).execute(args)).isZero();
        assertThat(checkpoints.resolve(CheckpointDirectory.FACE_FILE)).isRegularFile();
        assertThat(checkpoints.resolve(CheckpointDirectory.VOICE_FILE)).isRegularFile();
        // The paper's first term alone: without the invariance term, the objective is the logged f_dec L1.
        assertThat(TrainingLog.read(out).stage(EpochRecord.VOICE)).singleElement()
                .satisfies(r -> assertThat(r.meanLoss()).isEqualTo(r.meanFDecL1(), within(1e-3 * r.meanLoss())));

        Path exported = tmp.resolve("exported");
        assertThat(new CommandLine(new ExportCommand()).execute("--checkpoint-dir", checkpoints.toString(), "--out",
                exported.toString())).isZero();
        assertThat(ModelDirectory.open(exported).manifest().sha256()).isEqualTo(ModelDirectory.open(out).manifest().sha256());
    }

    @Test
    void trainsDataParallelOnTwoCpuReplicas() {
        // Every clip heard through a call with its clean twin, so the voice stage's shards carry clean pairs too. Sharp
        // views: six tiny epochs with randomly blurred ones are too few for the face loss to fall reliably.
        Path out = tmp.resolve("model");
        assertThat(new CommandLine(new TrainCommand()).execute("--data", TrainedTinyModel.get().corpus().toString(),
                "--preset", "tiny", "--out", out.toString(), "--epochs", "2", "--face-epochs", "6", "--augment", "1", "--loss", "l1",
                "--face-view-blur", "0", "--devices", "cpu,cpu", "--threads", "1")).isZero();
        TrainingLog log = TrainingLog.read(out);
        assertThat(log.stage(EpochRecord.FACE)).hasSize(6).allSatisfy(r -> assertThat(r.meanLoss()).isFinite());
        assertThat(log.stage(EpochRecord.FACE).get(5).meanLoss()).isLessThan(log.stage(EpochRecord.FACE).get(0).meanLoss());
        assertThat(log.stage(EpochRecord.VOICE)).hasSize(2).allSatisfy(r -> assertThat(r.meanLoss()).isFinite());
        assertThat(ModelDirectory.open(out).manifest().preset()).isEqualTo("tiny");
    }

    @Test
    void anUnknownDeviceIsAUsageError() {
        assertThat(failure("--data", tmp.toString(), "--devices", "tpu0", "--out", tmp.resolve("m").toString()))
                .contains("device 'tpu0': use cpu, gpu (every GPU) or gpuN");
    }

    @Test
    void anUnknownPresetIsReportedByName() {
        assertThat(failure("--data", tmp.toString(), "--preset", "huge", "--out", tmp.resolve("m").toString()))
                .contains("preset: unknown preset 'huge'");
    }

    @Test
    void badLossAndResumeWithoutCheckpointsAreUsageErrors() {
        assertThat(failure("--data", tmp.toString(), "--loss", "l3", "--out", tmp.resolve("m").toString()))
                .contains("loss: 'l3' is not one of full, l1");
        assertThat(failure("--data", tmp.toString(), "--resume", "--out", tmp.resolve("m").toString()))
                .contains("--resume needs --checkpoint-dir");
    }

    @Test
    void aPretrainedFaceNetworkThatCannotServeIsAUsageError() throws java.io.IOException {
        java.nio.file.Path network = tmp.resolve("net.onnx");
        java.nio.file.Files.write(network, new io.callface.trainer.onnx.ForeignFaceNetwork(8, 16, 1)
                .model("data", "fc7", 11, 3).toByteArray());
        assertThat(failure("--data", tmp.toString(), "--face-encoder", network.toString(), "--out",
                tmp.resolve("m").toString())).contains("--face-encoder needs --face-feature-weight 0");
        assertThat(failure("--data", tmp.toString(), "--face-encoder", network.toString(), "--face-feature-weight", "0",
                "--out", tmp.resolve("m").toString())).contains("--face-encoder needs --face-view-blur 0");
        assertThat(failure("--data", tmp.toString(), "--face-encoder", network.toString(), "--face-feature-weight", "0",
                "--face-view-blur", "0", "--out", tmp.resolve("m").toString())).contains("face network " + network
                + ": the face network uses opset 11");
        assertThat(failure("--data", tmp.toString(), "--face-encoder", tmp.resolve("absent.onnx").toString(),
                "--face-feature-weight", "0", "--face-view-blur", "0", "--out", tmp.resolve("m").toString()))
                .contains("absent.onnx");
    }

    @Test
    void aFaceStageOfOneIdentityIsAUsageError() {
        assertThat(failure("--data", tmp.toString(), "--face-identities", "1", "--out", tmp.resolve("m").toString()))
                .contains("faceIdentities must be 0 (all) or at least 2");
    }

    private String failure(String... args) {
        CommandLine cli = new CommandLine(new TrainCommand());
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        cli.setExecutionExceptionHandler((e, c, p) -> {
            c.getErr().println(e.getMessage());
            return 2;
        });
        assertThat(cli.execute(args)).isEqualTo(2);
        return err.toString();
    }
}
