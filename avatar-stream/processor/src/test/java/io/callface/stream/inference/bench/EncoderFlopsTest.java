package io.callface.stream.inference.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class EncoderFlopsTest {
    private static final int CHANNELS = 2;
    private static final int FRAMES = 598;
    private static final int BINS = 257;

    @Test
    void smallPresetCountsTheMelBankEveryConvAndTheFeatureLayer() {
        EncoderFlops.Count count = EncoderFlops.count("small", CHANNELS, FRAMES, BINS);

        // Hand arithmetic: the mel bank takes [2, 598, 257] to [1, 598, 40]; stride-2 4x4 convs with padding 1 take
        // 598x40 to 299x20, 149x10, 74x5, 37x2; mean and deviation leave 2 x 128 x 2 inputs for the feature layer.
        assertThat(count.layers()).extracting(EncoderFlops.LayerCost::flops).containsExactly(
                2L * 598 * 257 * 40,
                2L * 1 * 16 * 16 * 299 * 20,
                2L * 16 * 32 * 16 * 149 * 10,
                2L * 32 * 64 * 16 * 74 * 5,
                2L * 64 * 128 * 16 * 37 * 2,
                2L * 512 * 128);
        assertThat(count.totalFlops()).isEqualTo(2L * 598 * 257 * 40 + 2L * 16 * 16 * 299 * 20
                + 2L * 16 * 32 * 16 * 149 * 10 + 2L * 32 * 64 * 16 * 74 * 5 + 2L * 64 * 128 * 16 * 37 * 2
                + 2L * 512 * 128);
        assertThat(count.layers().get(0).weightDims()).containsExactly(257L, 40L);
        assertThat(count.layers().get(5).weightDims()).containsExactly(512L, 128L);
    }

    @Test
    void paperPresetPoolsHalveTimeBeforeTheNextConv() {
        List<EncoderFlops.LayerCost> layers = EncoderFlops.count("paper", CHANNELS, FRAMES, BINS).layers();

        // 598 -> 597 -> 596 -> 595 (stride-1 convs), pool -> 297, conv -> 296 x 253.
        assertThat(layers.get(3).flops()).isEqualTo(2L * 128 * 128 * 16 * 296 * 253);
        // Last conv leaves [512, 8, 62]; the mean over time leaves 512 x 62 inputs for the first FC.
        assertThat(layers.get(9).weightDims()).containsExactly(512L * 62, 4096L);
    }

    @Test
    void unknownPresetIsRejectedByName() {
        assertThatThrownBy(() -> EncoderFlops.count("huge", CHANNELS, FRAMES, BINS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("huge");
    }
}
