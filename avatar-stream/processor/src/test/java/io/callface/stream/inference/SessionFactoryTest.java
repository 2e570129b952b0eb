package io.callface.stream.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;
import io.callface.model.ModelContract;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionFactoryTest {
    @TempDir
    Path dir;

    @Test
    void servesOnCpuWhenCpuIsRequested() throws IOException {
        try (ServingSession session = open(InferenceOptions.cpu(1))) {
            assertThat(session.provider()).isEqualTo(OrtProvider.CPU);
            assertThat(session.session().getInputNames()).containsExactly(ModelContract.SPECTROGRAM);
        }
    }

    @Test
    void fallsBackToCpuWhenCudaIsRequestedButThisBuildHasNone() throws IOException {
        assumeFalse(OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA),
                "this ONNX Runtime build has CUDA");
        try (ServingSession session = open(new InferenceOptions(ProviderPreference.CUDA, 0, 1L << 30, 1))) {
            assertThat(session.provider()).isEqualTo(OrtProvider.CPU);
        }
    }

    @Test
    void wrapsAnUnloadableModelNamingIt() {
        InferenceException e = assertThrows(InferenceException.class,
                () -> new SessionFactory(OrtEnvironment.getEnvironment(), InferenceOptions.cpu(1))
                        .open("broken.onnx", ByteBuffer.wrap(new byte[] {1, 2, 3})));

        assertThat(e.getMessage()).contains("broken.onnx");
    }

    private ServingSession open(InferenceOptions options) throws IOException {
        new TinyFaceModelWriter().write(dir);
        ByteBuffer encoder = ByteBuffer.wrap(Files.readAllBytes(dir.resolve(ModelContract.ENCODER_FILE)));
        return new SessionFactory(OrtEnvironment.getEnvironment(), options).open(ModelContract.ENCODER_FILE, encoder);
    }
}
