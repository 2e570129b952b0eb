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
    void factoriesAndWithProviderKeepTheOtherFields() {
        InferenceOptions auto = InferenceOptions.auto(2);

        assertThat(auto.provider()).isEqualTo(ProviderPreference.AUTO);
        assertThat(auto.withProvider(ProviderPreference.CPU)).isEqualTo(InferenceOptions.cpu(2));
    }
}
