package io.callface.trainer.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

class PresetTest {
    @Test
    void everyPresetMapsSixAndThreeSecondSpectrogramsToItsFeatureDimension() {
        for (Preset preset : List.of(Preset.tiny(), Preset.small(), Preset.paper())) {
            try (Speech2FaceNetworks networks = new Speech2FaceNetworks(preset, 4)) {
                for (int frames : new int[] {598, 298}) {
                    assertThat(networks.voiceEncoder().outputShape(new Shape(2, 2, frames, 257)))
                            .as(preset.name() + " T=" + frames).isEqualTo(new Shape(2, preset.featureDim()));
                }
                assertThat(networks.decoderImage().outputShape(new Shape(2, preset.decoderUnits())))
                        .isEqualTo(new Shape(2, 3, 64, 64));
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
                1, 1, 1)).hasMessageContaining("voiceEncoder must end in a Dense(8)");
    }
}
