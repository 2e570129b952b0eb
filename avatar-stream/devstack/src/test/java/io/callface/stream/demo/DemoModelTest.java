package io.callface.stream.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.callface.stream.inference.FaceModel;
import io.callface.stream.inference.InferenceOptions;
import io.callface.stream.inference.ModelDirectoryVerifier;
import io.callface.model.ModelContract;
import io.callface.model.ModelManifest;
import io.callface.model.Sha256;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoModelTest {
    @TempDir
    Path cache;

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @Test
    void copiesTheShippedModelWhichLoadsUnderTheContract() throws IOException {
        Path dir = DemoModel.ensure(cache, new PrintStream(log, true, StandardCharsets.UTF_8));

        try (FaceModel model = FaceModel.load(dir, InferenceOptions.cpu(1))) {
            assertThat(model.manifest().imageHeight()).isEqualTo(128);
        }

        assertThat(Sha256.hex(dir.resolve(ModelContract.MANIFEST_FILE)))
                .isEqualTo(DemoModel.MODEL_JSON_SHA256);
        assertThat(ModelManifest.read(dir).preset()).isEqualTo("small");
        ModelDirectoryVerifier.verifyFiles(dir);
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("Demo model copied to " + dir);
    }

    @Test
    void reusesAnIntactCopy() {
        Path first = DemoModel.ensure(cache, new PrintStream(log, true, StandardCharsets.UTF_8));
        Path second = DemoModel.ensure(cache, new PrintStream(log, true, StandardCharsets.UTF_8));

        assertThat(second).isEqualTo(first);
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("Using the demo model in " + first);
    }

    @Test
    void replacesADamagedCopy() throws IOException {
        Path dir = DemoModel.ensure(cache, new PrintStream(log, true, StandardCharsets.UTF_8));
        Files.writeString(dir.resolve(ModelContract.MANIFEST_FILE), "{}");
        Files.write(dir.resolve(ModelContract.DECODER_FILE), new byte[] {1, 2, 3});

        Path again = DemoModel.ensure(cache, new PrintStream(log, true, StandardCharsets.UTF_8));

        assertThat(Sha256.hex(again.resolve(ModelContract.MANIFEST_FILE)))
                .isEqualTo(DemoModel.MODEL_JSON_SHA256);
        ModelDirectoryVerifier.verifyFiles(again);
    }

    @Test
    void replacesACopyWhoseFaceEncoderWasAltered() throws IOException {
        Path dir = DemoModel.ensure(cache, new PrintStream(log, true, StandardCharsets.UTF_8));
        Path faceEncoder = dir.resolve(DemoModel.FACE_ENCODER_FILE);
        byte[] bytes = Files.readAllBytes(faceEncoder);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(faceEncoder, bytes);
        assertThat(DemoModel.intact(dir)).isFalse();

        Path again = DemoModel.ensure(cache, new PrintStream(log, true, StandardCharsets.UTF_8));

        assertThat(again).isEqualTo(dir);
        assertThat(DemoModel.intact(again)).isTrue();
        assertThat(log.toString(StandardCharsets.UTF_8)).doesNotContain("Using the demo model")
                .containsSubsequence("Demo model copied to " + dir, "Demo model copied to " + dir);
    }
}
