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
        // With the small encoder's FLOPs per 6 s window, half of them multiply-adds: 143.3 M for the whole small
        // network, as the trainer's Speech2FaceNetworks.windowMultiplyAdds counts them.
        long encoder = EncoderFlops.count("small", 2, 598, 257).totalFlops();
        assertThat((encoder + count.totalFlops()) / 2e6).isBetween(143.3, 143.4);
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
