package io.callface.stream.inference.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DecoderFlopsTest {
    @Test
    void smallPresetCountsTheFullyConnectedLayersAndEverySubPixelBlock() {
        EncoderFlops.Count count = DecoderFlops.count("small", 128);

        // f_dec, landmark MLP, FC to the 96 x 4 x 4 seed, then 4x4 convs to 4 x filters at sides 4, 8, 16, 32, 64.
        assertThat(count.layers()).extracting(EncoderFlops.LayerCost::flops).containsExactly(
                2L * 128 * 1000, 2L * 1000 * 256, 2L * 256 * 136, 2L * 1000 * 96 * 16,
                2L * 96 * 384 * 16 * 4 * 4,
                2L * 96 * 192 * 16 * 8 * 8,
                2L * 48 * 128 * 16 * 16 * 16,
                2L * 32 * 64 * 16 * 32 * 32,
                2L * 16 * 12 * 16 * 64 * 64);
        assertThat(count.layers().get(8).weightDims()).containsExactly(12L, 16L, 4L, 4L);
        // With the small encoder's 506,331,136 per 6 s window: the trainer's PresetTest counts 354.7 M
        // multiply-adds for the whole small network.
        assertThat((506_331_136L + count.totalFlops()) / 2e6).isBetween(354.6, 354.8);
    }

    @Test
    void baselineDecoderIsThreeFullyConnectedLayers() {
        assertThat(DecoderFlops.count("baseline", 128).layers()).extracting(EncoderFlops.LayerCost::flops)
                .containsExactly(2L * 128 * 1000, 2L * 1000 * 136, 2L * 1000 * 3 * 64 * 64);
    }

    @Test
    void unknownPresetIsRejectedByName() {
        assertThatThrownBy(() -> DecoderFlops.count("huge", 128)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("huge");
    }
}
