package io.callface.trainer.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callface.trainer.synth.CorpusClip;
import io.callface.trainer.synth.CorpusFormatException;
import io.callface.trainer.synth.CorpusManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VoiceBatchesTest {
    @TempDir
    Path tmp;

    private List<CorpusClip> clips;
    private List<int[]> batches;

    @BeforeEach
    void corpus() throws IOException {
        clips = CorpusManifest.read(TestCorpus.write(tmp, 5, 2, 0, 3)).clips();
        batches = MiniBatches.shuffled(clips.size(), 3, new Random(9));
    }

    @Test
    void theInputsAreTheSameForAnyWorkerCountAndCacheSize() {
        // Half the clips augmented, so both the cached and the recomputed path are compared.
        List<float[]> reference = inputs(0, 0, 2, 0.5);

        assertThat(reference).hasSize(batches.size());
        assertThat(reference.get(0)).hasSize(batches.get(0).length * SpectrogramCache.sixSecondSize());
        for (int[] setting : new int[][] {{1, 0}, {3, 0}, {2, 1_000}, {0, 1_000}}) {
            List<float[]> other = inputs(setting[0], setting[1], 2, 0.5);
            for (int b = 0; b < reference.size(); b++) {
                // Arrays.mismatch, not containsExactly: AssertJ's diff of two million-float arrays never ends.
                assertThat(java.util.Arrays.mismatch(other.get(b), reference.get(b)))
                        .as("first differing float with workers %d, cache %d, batch %d", setting[0], setting[1], b)
                        .isEqualTo(-1);
            }
        }
    }

    @Test
    void eachBatchHoldsItsClipsSpectrogramsInBatchOrder() {
        SpectrogramCache fresh = new SpectrogramCache(0);
        float[] first = inputs(2, 0, 1, 0).get(0);
        int floats = SpectrogramCache.sixSecondSize();
        int[] batch = batches.get(0);
        for (int i = 0; i < batch.length; i++) {
            float[] expected = fresh.sixSeconds(clips.get(batch[i]).audio());
            float[] actual = java.util.Arrays.copyOfRange(first, i * floats, (i + 1) * floats);
            assertThat(java.util.Arrays.mismatch(actual, expected)).as("clip %d of the batch", i).isEqualTo(-1);
        }
    }

    @Test
    void aClipThatCannotBeReadFailsTheBatchThatNeedsIt() throws IOException {
        Files.writeString(clips.get(batches.get(1)[0]).audio(), "not a wav");
        try (VoiceBatches inputs = new VoiceBatches(clips, new SpectrogramCache(0),
                new VoiceAugmentation(0, 1, clips), 2, false)) {
            Iterator<VoiceBatches.VoiceBatch> epoch = inputs.of(1, batches);
            epoch.next();
            assertThatThrownBy(epoch::next).isInstanceOf(CorpusFormatException.class)
                    .hasMessageContaining(clips.get(batches.get(1)[0]).audio().toString());
        }
    }

    /** The inputs of one epoch, {@code augmented} of the clips heard through a call. */
    private List<float[]> inputs(int workers, int cached, int epoch, double augmented) {
        List<float[]> out = new ArrayList<>();
        try (VoiceBatches inputs = new VoiceBatches(clips, new SpectrogramCache(cached),
                new VoiceAugmentation(augmented, 1, clips), workers, false)) {
            inputs.of(epoch, batches).forEachRemaining(batch -> out.add(batch.heard()));
        }
        return out;
    }

    @Test
    void cleanPairsGiveEachAugmentedClipsCleanSpectrogramAndOnlyThose() {
        VoiceAugmentation augmentation = new VoiceAugmentation(0.5, 1, clips);
        SpectrogramCache fresh = new SpectrogramCache(0);
        int floats = SpectrogramCache.sixSecondSize();
        int pairs = 0;
        try (VoiceBatches inputs = new VoiceBatches(clips, new SpectrogramCache(0), augmentation, 1, true)) {
            Iterator<VoiceBatches.VoiceBatch> epoch = inputs.of(2, batches);
            for (int[] batch : batches) {
                VoiceBatches.VoiceBatch voiceBatch = epoch.next();
                List<Long> expectedRows = new ArrayList<>();
                for (int i = 0; i < batch.length; i++) {
                    if (augmentation.augments(2, batch[i])) {
                        expectedRows.add((long) i);
                    }
                }
                assertThat(java.util.Arrays.stream(voiceBatch.augmentedRows()).boxed().toList()).isEqualTo(expectedRows);
                assertThat(voiceBatch.cleanOfAugmented()).hasSize(expectedRows.size() * floats);
                for (int k = 0; k < expectedRows.size(); k++) {
                    int row = expectedRows.get(k).intValue();
                    float[] clean = fresh.sixSeconds(clips.get(batch[row]).audio());
                    float[] paired = java.util.Arrays.copyOfRange(voiceBatch.cleanOfAugmented(), k * floats,
                            (k + 1) * floats);
                    float[] heard = java.util.Arrays.copyOfRange(voiceBatch.heard(), row * floats, (row + 1) * floats);
                    assertThat(java.util.Arrays.mismatch(paired, clean)).as("clean pair %d", k).isEqualTo(-1);
                    assertThat(java.util.Arrays.mismatch(heard, clean)).as("heard clip %d differs", k).isNotEqualTo(-1);
                }
                pairs += expectedRows.size();
            }
        }
        assertThat(pairs).as("some clips augmented in epoch 2").isPositive();
    }

    @Test
    void withoutCleanPairsTheAugmentedRowsAreStillNamedButNoCleanSpectrogramIsMade() {
        try (VoiceBatches inputs = new VoiceBatches(clips, new SpectrogramCache(0),
                new VoiceAugmentation(1, 1, clips), 0, false)) {
            VoiceBatches.VoiceBatch first = inputs.of(1, batches).next();
            assertThat(first.augmentedRows()).hasSize(batches.get(0).length);
            assertThat(first.cleanOfAugmented()).isEmpty();
        }
    }

    @Test
    void aShardOfRowsKeepsItsRowsCleanPairsAndRenumbersThem() {
        int floats = SpectrogramCache.sixSecondSize();
        float[] heard = new float[4 * floats];
        float[] clean = new float[2 * floats];
        for (int row = 0; row < 4; row++) {
            java.util.Arrays.fill(heard, row * floats, (row + 1) * floats, row);
        }
        java.util.Arrays.fill(clean, 0, floats, 10);
        java.util.Arrays.fill(clean, floats, 2 * floats, 30);
        VoiceBatches.VoiceBatch batch = new VoiceBatches.VoiceBatch(heard, new long[] {0, 3}, clean);

        VoiceBatches.VoiceBatch tail = batch.rows(2, 4);
        assertThat(tail.heard()).hasSize(2 * floats).startsWith(2f).endsWith(3f);
        assertThat(tail.augmentedRows()).containsExactly(1L);
        assertThat(tail.cleanOfAugmented()).hasSize(floats).containsOnly(30f);

        VoiceBatches.VoiceBatch middle = batch.rows(1, 3);
        assertThat(middle.augmentedRows()).isEmpty();
        assertThat(middle.cleanOfAugmented()).isEmpty();

        VoiceBatches.VoiceBatch withoutPairs = new VoiceBatches.VoiceBatch(heard, new long[] {0, 3}, new float[0])
                .rows(0, 2);
        assertThat(withoutPairs.augmentedRows()).containsExactly(0L);
        assertThat(withoutPairs.cleanOfAugmented()).isEmpty();
    }
}
