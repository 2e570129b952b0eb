package io.callface.stream.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.callface.model.AttributeContract;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DemoModelTest {
    @TempDir
    Path cache;

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @Test
    void copiesTheShippedModelWhichLoadsUnderTheContract() throws IOException {
        Path dir = DemoModel.ensure(cache, new PrintStream(log, true, StandardCharsets.UTF_8));

        try (FaceModel model = FaceModel.load(dir, InferenceOptions.cpu(1))) {
            assertThat(model.manifest().imageHeight()).isEqualTo(128);
            assertThat(model.hasAttributes()).as("the attribute head is served").isTrue();
        }

        assertThat(Sha256.hex(dir.resolve(ModelContract.MANIFEST_FILE)))
                .isEqualTo(DemoModel.MODEL_JSON_SHA256);
        assertThat(ModelManifest.read(dir).preset()).isEqualTo("small");
        assertThat(ModelManifest.read(dir).sha256()).containsOnlyKeys(DemoModel.ONNX_FILES);
        for (String file : DemoModel.ONNX_FILES) {
            assertThat(Sha256.hex(dir.resolve(file))).as(file).isEqualTo(ModelManifest.read(dir).sha256().get(file));
        }
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

    @ParameterizedTest
    @ValueSource(strings = {"encoder.onnx", "decoder.onnx", "attributes.onnx", "face_encoder.onnx"})
    void replacesACopyWhoseOnnxFileWasAltered(String file) throws IOException {
        Path dir = DemoModel.ensure(cache, new PrintStream(log, true, StandardCharsets.UTF_8));
        Path onnx = dir.resolve(file);
        byte[] bytes = Files.readAllBytes(onnx);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(onnx, bytes);
        assertThat(DemoModel.intact(dir)).isFalse();

        Path again = DemoModel.ensure(cache, new PrintStream(log, true, StandardCharsets.UTF_8));

        assertThat(again).isEqualTo(dir);
        assertThat(DemoModel.intact(again)).isTrue();
        assertThat(log.toString(StandardCharsets.UTF_8)).doesNotContain("Using the demo model")
                .containsSubsequence("Demo model copied to " + dir, "Demo model copied to " + dir);
    }

    @Test
    void aCopyWithoutTheAttributeHeadIsNotIntact() throws IOException {
        Path dir = DemoModel.ensure(cache, new PrintStream(log, true, StandardCharsets.UTF_8));
        Files.delete(dir.resolve(AttributeContract.ATTRIBUTES_FILE));

        assertThat(DemoModel.intact(dir)).isFalse();
    }
}
