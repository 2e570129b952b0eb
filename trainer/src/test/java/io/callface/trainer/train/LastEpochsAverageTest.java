package io.callface.trainer.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LastEpochsAverageTest {
    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager("PyTorch");
    }

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void averagesTheWeightsOfTheLastEpochsOnly() {
        LastEpochsAverage average = LastEpochsAverage.lastOf(5, 2);
        for (int epoch = 1; epoch <= 5; epoch++) {
            average.record(epoch, weights(epoch, 10 * epoch));
        }
        Map<String, NDArray> target = weights(0, 0);

        average.applyTo(target);

        assertThat(average.epochs()).isEqualTo(2);
        assertThat(target.get("w").toFloatArray()).containsExactly(4.5f, 5.5f, 6.5f, 7.5f, 8.5f, 9.5f);
        assertThat(target.get("b").toFloatArray()).containsExactly(45f);
    }

    @Test
    void roundsTheMeanOnceFromDoublePrecision() {
        float big = 16_777_216f; // 2^24: in float, big + 1 rounds back to big
        LastEpochsAverage average = LastEpochsAverage.lastOf(3, 3);
        average.record(1, Map.of("x", manager.create(new float[] {big})));
        average.record(2, Map.of("x", manager.create(new float[] {1f})));
        average.record(3, Map.of("x", manager.create(new float[] {2f})));
        Map<String, NDArray> target = Map.of("x", manager.create(new float[] {0f}));

        average.applyTo(target);

        assertThat(target.get("x").getFloat()).isEqualTo((float) ((16_777_216.0 + 3) / 3));
    }

    @Test
    void aWindowOfZeroLeavesTheLastEpochsWeights() {
        LastEpochsAverage average = LastEpochsAverage.lastOf(3, 0);
        average.record(3, weights(3, 30));
        Map<String, NDArray> target = weights(7, 70);

        average.applyTo(target);

        assertThat(average.epochs()).isZero();
        assertThat(target.get("b").toFloatArray()).containsExactly(70f);
    }

    @Test
    void aWindowLongerThanTheRunAveragesEveryEpoch() {
        LastEpochsAverage average = firstTwoEpochsOf(LastEpochsAverage.lastOf(2, 5));
        Map<String, NDArray> target = weights(0, 0);

        average.applyTo(target);

        assertThat(target.get("b").toFloatArray()).containsExactly(20f);
    }

    @Test
    void theCheckpointTensorsCarryTheSnapshotsToAResumedRun() {
        LastEpochsAverage before = LastEpochsAverage.lastOf(4, 3);
        for (int epoch = 1; epoch <= 3; epoch++) {
            before.record(epoch, weights(epoch, epoch));
        }
        Map<String, float[]> checkpoint = new LinkedHashMap<>(Map.of("w", new float[6], "b", new float[1]));
        before.tensors(manager, weights(0, 0)).forEach((name, array) -> checkpoint.put(name, array.toFloatArray()));

        LastEpochsAverage resumed = LastEpochsAverage.resumed(4, 3, 3, checkpoint);
        resumed.record(4, weights(4, 4));
        Map<String, NDArray> target = weights(0, 0);
        resumed.applyTo(target);

        assertThat(checkpoint).containsKeys("average/epoch2/w", "average/epoch3/b").doesNotContainKey("average/epoch1/w");
        assertThat(target.get("b").toFloatArray()).containsExactly(3f);
        Map<String, NDArray> exported = weights(0, 0);
        LastEpochsAverage.stored(checkpoint).applyTo(exported);
        assertThat(exported.get("b").toFloatArray()).containsExactly(2.5f);
    }

    @Test
    void recomputedBatchNormStatisticsReplaceTheAveragedOnesAndTravelOnlyWithAFinishedRun() {
        LastEpochsAverage average = firstTwoEpochsOf(LastEpochsAverage.lastOf(2, 2));
        average.keepBatchNorm(Map.of("b", manager.create(new float[] {7f})));
        Map<String, NDArray> target = weights(0, 0);

        average.applyTo(target);

        assertThat(target.get("b").toFloatArray()).containsExactly(7f);
        assertThat(target.get("w").toFloatArray()).containsExactly(2f, 3f, 4f, 5f, 6f, 7f);
        Map<String, float[]> checkpoint = new LinkedHashMap<>();
        average.tensors(manager, weights(0, 0)).forEach((name, array) -> checkpoint.put(name, array.toFloatArray()));
        assertThat(checkpoint.get("average/batchnorm/b")).containsExactly(7f);
        Map<String, NDArray> finished = weights(0, 0);
        LastEpochsAverage.resumed(2, 2, 2, checkpoint).applyTo(finished);
        assertThat(finished.get("b").toFloatArray()).containsExactly(7f);
        Map<String, NDArray> extended = weights(0, 0);
        LastEpochsAverage longer = LastEpochsAverage.resumed(3, 2, 2, checkpoint);
        longer.record(3, weights(5, 50));
        longer.applyTo(extended);
        assertThat(extended.get("b").toFloatArray()).containsExactly(40f);
    }

    @Test
    void theLastEpochsWeightsCanBePutBack() {
        LastEpochsAverage average = firstTwoEpochsOf(LastEpochsAverage.lastOf(2, 2));
        Map<String, NDArray> target = weights(0, 0);

        average.restoreLast(target);

        assertThat(target.get("b").toFloatArray()).containsExactly(30f);
        assertThat(target.get("w").toFloatArray()).containsExactly(3f, 4f, 5f, 6f, 7f, 8f);
    }

    @Test
    void resumingWithAWindowTheCheckpointDidNotKeepIsRefused() {
        Map<String, float[]> withoutSnapshots = Map.of("w", new float[6], "b", new float[1]);

        assertThatThrownBy(() -> LastEpochsAverage.resumed(6, 3, 5, withoutSnapshots))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("lacks the weights of epoch 4 to average");
        assertThat(LastEpochsAverage.resumed(6, 3, 3, withoutSnapshots).epochs()).isZero();
    }

    @Test
    void snapshotsWithoutAParameterAreRefused() {
        LastEpochsAverage average = LastEpochsAverage.lastOf(1, 1);
        average.record(1, Map.of("w", manager.zeros(new Shape(2))));

        assertThatThrownBy(() -> average.applyTo(weights(0, 0))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("lack");
    }

    /** {@code average} with epoch 1's weights counting from 1 (bias 10) and epoch 2's from 3 (bias 30). */
    private LastEpochsAverage firstTwoEpochsOf(LastEpochsAverage average) {
        average.record(1, weights(1, 10));
        average.record(2, weights(3, 30));
        return average;
    }

    /** A 2 x 3 weight {@code w} counting up from {@code first} and a bias {@code b}. */
    private Map<String, NDArray> weights(float first, float bias) {
        Map<String, NDArray> weights = new LinkedHashMap<>();
        weights.put("w", manager.arange(first, first + 6).reshape(2, 3));
        weights.put("b", manager.create(new float[] {bias}));
        return weights;
    }
}
