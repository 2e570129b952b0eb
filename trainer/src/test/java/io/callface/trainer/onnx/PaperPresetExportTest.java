package io.callface.trainer.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.callface.model.ModelContract;
import io.callface.trainer.nn.Preset;
import io.callface.trainer.nn.Speech2FaceNetworks;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The paper's network (D = 4096) is too heavy to train on a CPU here, but it must build and export. */
class PaperPresetExportTest {
    @TempDir
    Path dir;

    @Test
    void paperPresetExportsAnEncoderOnnxRuntimeAccepts() throws OrtException {
        ModelDirectory model;
        try (Speech2FaceNetworks networks = new Speech2FaceNetworks(Preset.paper(), 10)) {
            model = new OnnxExporter("paper-test").export(networks, dir);
        }
        assertThat(model.manifest().featureDim()).isEqualTo(4096);
        try (OrtSession s = OrtEnvironment.getEnvironment().createSession(model.encoder().toString(),
                new OrtSession.SessionOptions())) {
            TensorInfo out = (TensorInfo) s.getOutputInfo().get(ModelContract.FACE_FEATURE).getInfo();
            assertThat(out.getShape()).containsExactly(-1, 4096);
        }
    }
}
