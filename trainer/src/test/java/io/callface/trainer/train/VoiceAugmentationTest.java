package io.callface.trainer.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callface.trainer.synth.CorpusClip;
import io.callface.trainer.synth.CorpusManifest;
import io.callface.trainer.synth.Split;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VoiceAugmentationTest {
    @TempDir
    static Path tmp;
    private static List<CorpusClip> clips;

    @BeforeAll
    static void corpus() throws java.io.IOException {
        clips = CorpusManifest.read(TestCorpus.write(tmp.resolve("corpus"), 6, 1, 1, 5)).clips(Split.TRAIN);
    }

    @Test
    void augmentsTheRequestedShareOfClipsAsSeeded() {
        VoiceAugmentation half = new VoiceAugmentation(0.5, 42, clips);

        long augmented = IntStream.range(0, 2000).filter(i -> half.augments(1, i)).count();

        assertThat(augmented).isBetween(900L, 1100L);
        assertThat(IntStream.range(0, 50).filter(i -> half.augments(1, i)).toArray())
                .as("same seed, epoch and clip: same draw")
                .containsExactly(IntStream.range(0, 50).filter(i -> new VoiceAugmentation(0.5, 42, clips).augments(1, i)).toArray())
                .isNotEqualTo(IntStream.range(0, 50).filter(i -> half.augments(2, i)).toArray());
        assertThat(IntStream.range(0, 100).noneMatch(i -> new VoiceAugmentation(0, 42, clips).augments(1, i))).isTrue();
        assertThat(IntStream.range(0, 100).allMatch(i -> new VoiceAugmentation(1, 42, clips).augments(1, i))).isTrue();
        assertThatThrownBy(() -> new VoiceAugmentation(1.5, 42, clips)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAugmentedClipIsADifferentSignalAtFullScaleAtMostAndReproducible() {
        VoiceAugmentation always = new VoiceAugmentation(1, 42, clips);
        float[] clean = WavFile.readMono16k(clips.get(0).audio());
        int changed = 0;

        for (int epoch = 1; epoch <= 12; epoch++) {
            float[] heard = always.apply(epoch, 0, clean);
            assertThat(heard).as("reproducible").containsExactly(always.apply(epoch, 0, clean));
            for (float s : heard) {
                assertThat(Math.abs(s)).isLessThanOrEqualTo(1f);
            }
            changed += Arrays.equals(heard, clean) ? 0 : 1;
            // Opus with loss shortens a clip by its lost packets; the other channels keep its length to 10 ms.
            assertThat(heard.length).isBetween((int) (0.85 * clean.length), clean.length + 160);
        }
        assertThat(changed).isEqualTo(12);
    }

    @Test
    void aClipShorterThanOnePacketStaysTrainable() {
        VoiceAugmentation always = new VoiceAugmentation(1, 42, clips);
        float[] tenMilliseconds = new float[160];
        java.util.Arrays.fill(tenMilliseconds, 0.1f);

        for (int epoch = 1; epoch <= 20; epoch++) {
            assertThat(always.apply(epoch, 0, tenMilliseconds)).as("epoch %d", epoch).isNotEmpty();
        }
    }
}
