package io.callface.trainer.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

class PresetTest {
    @Test
    void everyPresetMapsSixAndThreeSecondSpectrogramsToItsFeatureDimension() {
        for (Preset preset : List.of(Preset.tiny(), Preset.small(), Preset.paper(), Preset.baseline())) {
            try (Speech2FaceNetworks networks = new Speech2FaceNetworks(preset, 4)) {
                for (int frames : new int[] {598, 298}) {
                    assertThat(networks.voiceEncoder().outputShape(new Shape(2, 2, frames, 257)))
                            .as(preset.name() + " T=" + frames).isEqualTo(new Shape(2, preset.featureDim()));
                }
                assertThat(networks.decoderImage().outputShape(new Shape(2, preset.decoderUnits())))
                        .isEqualTo(new Shape(2, 3, preset.imageSize(), preset.imageSize()));
                assertThat(networks.faceEncoder().outputShape(new Shape(2, 3, preset.imageSize(), preset.imageSize())))
                        .isEqualTo(new Shape(2, preset.featureDim()));
                assertThat(networks.decoderLandmarks().outputShape(new Shape(2, preset.decoderUnits())))
                        .isEqualTo(new Shape(2, 68, 2));
            }
        }
    }

    @Test
    void paperVoiceEncoderFollowsTable1() {
        Preset paper = Preset.paper();
        List<Integer> filters = paper.voiceEncoder().stream().filter(l -> l instanceof Layer.Conv)
                .map(l -> ((Layer.Conv) l).filters()).toList();
        assertThat(filters).containsExactly(64, 64, 128, 128, 128, 256, 512, 512, 512);
        assertThat(paper.voiceEncoder().stream().filter(l -> l instanceof Layer.MaxPoolTime)).hasSize(4);
        assertThat(paper.featureDim()).isEqualTo(4096);
    }

    @Test
    void unknownNamesAndBadLayersAreRejectedWithTheField() {
        assertThatThrownBy(() -> Preset.named("medium")).hasMessageContaining("preset: unknown preset 'medium'");
        assertThatThrownBy(() -> new Layer.Conv(0, 4, 1, 1, 1)).hasMessageContaining("filters must be positive");
        assertThatThrownBy(() -> new Preset("x", 8, 64, 10, List.of(new Layer.Dense(4)), List.of(new Layer.Dense(8)),
                Preset.tiny().decoderLandmarks(), Preset.tiny().decoderImage(), 1, 1, 1))
                .hasMessageContaining("voiceEncoder must end in a Dense(8)");
    }

    @Test
    void smallAndPaperDrawFacesOf128PixelsThroughUpsamplingConvolutions() {
        for (Preset preset : List.of(Preset.small(), Preset.paper())) {
            assertThat(preset.imageSize()).isEqualTo(128);
            assertThat(preset.decoderImage().stream().filter(l -> l instanceof Layer.Upsample)).hasSize(5);
            assertThat(preset.decoderFDec()).containsExactly(new Layer.Dense(1000));
        }
    }

    @Test
    void anImageBranchThatMissesTheImageSizeIsRejected() {
        Preset tiny = Preset.tiny();
        Preset wrong = new Preset("wrong", tiny.featureDim(), 128, tiny.decoderUnits(), tiny.voiceEncoder(),
                tiny.faceEncoder(), tiny.decoderLandmarks(), tiny.decoderImage(), 1, 1, 1);
        assertThatThrownBy(() -> new Speech2FaceNetworks(wrong, 4))
                .hasMessageContaining("the image branch gives (1, 3, 64, 64), the contract needs (1, 3, 128, 128)");
    }

    @Test
    void multiplyAddsCountProductsLayerByLayer() {
        try (Speech2FaceNetworks baseline = new Speech2FaceNetworks(Preset.baseline(), 4)) {
            // f_dec 128 x 1000, the dense image layer 1000 x 3*64*64, the landmark layer 1000 x 136.
            assertThat(baseline.decoderMultiplyAdds()).isEqualTo(128L * 1000 + 1000L * 3 * 64 * 64 + 1000L * 136);
        }
        try (Speech2FaceNetworks tiny = new Speech2FaceNetworks(Preset.tiny(), 4)) {
            // Dense 1000 -> 32x4x4, then per doubling a 4x4 conv on the x2-upsampled map at the input's side
            // (output values x input channels x 16) to 4x the block's channels: 32 -> 4*32 on 4x4, 32 -> 4*16 on
            // 8x8, 16 -> 4*8 on 16x16, 8 -> 4*3 (RGB) on 32x32.
            long image = 1000L * 512 + 128L * 4 * 4 * 32 * 16 + 64L * 8 * 8 * 32 * 16 + 32L * 16 * 16 * 16 * 16
                    + 12L * 32 * 32 * 8 * 16;
            long landmarks = 1000L * 64 + 64L * 136;
            assertThat(tiny.decoderMultiplyAdds()).isEqualTo(64L * 1000 + image + landmarks);
        }
    }

    @Test
    void theSmallPresetStreamsWithinOneAndAHalfTimesTheBaselinesCost() {
        try (Speech2FaceNetworks small = new Speech2FaceNetworks(Preset.small(), 4);
                Speech2FaceNetworks baseline = new Speech2FaceNetworks(Preset.baseline(), 4)) {
            assertThat((double) small.windowMultiplyAdds() / baseline.windowMultiplyAdds()).isLessThanOrEqualTo(1.5);
            // The stream processor's benchmark re-derives the same count (DecoderFlopsTest): mel bank, convolutions
            // and feature layer 41,773,424, decoder 101,569,536.
            assertThat(small.windowMultiplyAdds()).isEqualTo(143_342_960L);
        }
    }
}
