package io.callface.trainer.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingDevicesTest {
    @Test
    void cpuIsOneDeviceAndNotParallel() {
        TrainingDevices devices = TrainingDevices.parse("cpu", 0);
        assertThat(devices.devices()).containsExactly(Device.cpu());
        assertThat(devices.parallel()).isFalse();
        assertThat(devices).isEqualTo(TrainingDevices.CPU);
    }

    @Test
    void gpuNamesEveryVisibleGpuInOrder() {
        TrainingDevices devices = TrainingDevices.parse("gpu", 3);
        assertThat(devices.devices()).containsExactly(Device.gpu(0), Device.gpu(1), Device.gpu(2));
        assertThat(devices.primary()).isEqualTo(Device.gpu(0));
        assertThat(devices.parallel()).isTrue();
        assertThat(devices).hasToString("gpu0,gpu1,gpu2");
    }

    @Test
    void gpusByNumberKeepTheGivenOrder() {
        TrainingDevices devices = TrainingDevices.parse(" GPU1 , gpu0", 2);
        assertThat(devices.devices()).containsExactly(Device.gpu(1), Device.gpu(0));
        assertThat(devices.primary()).isEqualTo(Device.gpu(1));
    }

    @Test
    void twoCpuReplicasTakeTheDataParallelPath() {
        TrainingDevices devices = TrainingDevices.parse("cpu,cpu", 0);
        assertThat(devices.devices()).containsExactly(Device.cpu(), Device.cpu());
        assertThat(devices.parallel()).isTrue();
    }

    @Test
    void aGpuOnAMachineOrBuildWithoutOneSaysHowToGetOne() {
        assertThatThrownBy(() -> TrainingDevices.parse("gpu", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sees no GPU")
                .hasMessageContaining("-Pgpu");
        assertThatThrownBy(() -> TrainingDevices.parse("gpu0", 0)).hasMessageContaining("sees no GPU");
    }

    @Test
    void aGpuBeyondTheVisibleOnesIsNamedWithHowManyThereAre() {
        assertThatThrownBy(() -> TrainingDevices.parse("gpu0,gpu2", 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("device gpu2: PyTorch sees 2 GPUs (gpu0 to gpu1)");
    }

    @Test
    void unknownNamesDuplicateGpusAndMixesAreRejected() {
        assertThatThrownBy(() -> TrainingDevices.parse("tpu0", 0)).hasMessageContaining("device 'tpu0'");
        assertThatThrownBy(() -> TrainingDevices.parse("", 0)).hasMessageContaining("device ''");
        assertThatThrownBy(() -> TrainingDevices.parse("gpu0,gpu0", 1)).hasMessageContaining("gpu0 twice");
        assertThatThrownBy(() -> TrainingDevices.parse("cpu,gpu0", 1)).hasMessageContaining("mix CPU and GPU");
        assertThatThrownBy(() -> new TrainingDevices(List.of())).hasMessageContaining("at least one device");
    }
}
