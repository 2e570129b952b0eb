package io.callface.trainer.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import io.callface.trainer.nn.Network;
import io.callface.trainer.nn.Preset;
import io.callface.trainer.nn.Speech2FaceNetworks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointDirectoryTest {
    @TempDir
    Path tmp;

    @Test
    void savedTensorsRestoreIntoFreshNetworksExactly() {
        CheckpointDirectory dir = new CheckpointDirectory(tmp);
        Map<String, float[]> saved = new LinkedHashMap<>();
        try (Speech2FaceNetworks a = new Speech2FaceNetworks(Preset.tiny(), 5)) {
            Map<String, NDArray> tensors = arrays(a);
            // Shift every parameter, running statistics included, so nothing equals a fresh initialisation.
            tensors.forEach((name, t) -> {
                t.addi(0.5f);
                saved.put(name, t.toFloatArray());
            });
            dir.save(new CheckpointDirectory.Header(EpochRecord.FACE, 3, 12, "tiny", 5, TrainingLog.HEADER + "\n"), tensors);
        }
        assertThat(Files.exists(tmp.resolve(CheckpointDirectory.FACE_FILE))).isTrue();
        assertThat(Files.exists(tmp.resolve(CheckpointDirectory.FACE_FILE + ".partial"))).isFalse();
        CheckpointDirectory.Stage stage = dir.read(EpochRecord.FACE).orElseThrow();
        assertThat(stage.header().epoch()).isEqualTo(3);
        assertThat(stage.header().updates()).isEqualTo(12);
        assertThat(dir.read(EpochRecord.VOICE)).isEmpty();
        try (Speech2FaceNetworks b = new Speech2FaceNetworks(Preset.tiny(), 5)) {
            Map<String, NDArray> tensors = arrays(b);
            stage.restoreInto(tensors);
            tensors.forEach((name, t) -> assertThat(Arrays.equals(t.toFloatArray(), saved.get(name)))
                    .as(name + " restored exactly").isTrue());
        }
    }

    @Test
    void aCheckpointOfAnotherShapeIsRefused() {
        CheckpointDirectory dir = new CheckpointDirectory(tmp);
        try (Speech2FaceNetworks a = new Speech2FaceNetworks(Preset.tiny(), 5);
                Speech2FaceNetworks b = new Speech2FaceNetworks(Preset.tiny(), 6)) {
            dir.save(new CheckpointDirectory.Header(EpochRecord.FACE, 1, 1, "tiny", 5, TrainingLog.HEADER + "\n"), arrays(a));
            CheckpointDirectory.Stage stage = dir.read(EpochRecord.FACE).orElseThrow();
            assertThatThrownBy(() -> stage.restoreInto(arrays(b))).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("identity_head");
        }
    }

    private static Map<String, NDArray> arrays(Speech2FaceNetworks networks) {
        Map<String, NDArray> arrays = new LinkedHashMap<>();
        for (Network n : networks.faceStage()) {
            for (Map.Entry<String, Parameter> e : n.namedParameters().entrySet()) {
                arrays.put(e.getKey(), e.getValue().getArray());
            }
        }
        return arrays;
    }
}
