package io.callface.stream.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class InferenceOptionsTest {

    @Test
    void rejectsNegativeValuesNamingTheField() {
        assertThat(assertThrows(IllegalArgumentException.class,
                () -> new InferenceOptions(ProviderPreference.CUDA, -1, 0, 1)).getMessage()).contains("cudaDeviceId");
        assertThat(assertThrows(IllegalArgumentException.class,
                () -> new InferenceOptions(ProviderPreference.CUDA, 0, -5, 1)).getMessage())
                .contains("gpuMemoryLimitBytes");
        assertThat(assertThrows(IllegalArgumentException.class,
                () -> new InferenceOptions(ProviderPreference.CPU, 0, 0, -2)).getMessage())
                .contains("intraOpThreads");
        assertThrows(NullPointerException.class, () -> new InferenceOptions(null, 0, 0, 1));
    }

    @Test
    void cpuOptionsServeOnTheCpuOnly() {
        assertThat(InferenceOptions.cpu(2)).isEqualTo(new InferenceOptions(ProviderPreference.CPU, 0, 0, 2));
    }
}
