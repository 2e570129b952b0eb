package io.callface.trainer.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.tuple;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import io.callface.trainer.nn.Layer;
import io.callface.trainer.nn.Network;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DataParallelStepTest {
    private static final int ROWS = 7;
    private static final int IN = 5;
    private static final int OUT = 3;

    @Test
    void shardsAreAsEqualAsTheyCanBe() {
        assertThat(DataParallelStep.shardSizes(8, 2)).containsExactly(4, 4);
        assertThat(DataParallelStep.shardSizes(7, 3)).containsExactly(3, 2, 2);
        assertThat(DataParallelStep.shardSizes(2, 3)).containsExactly(1, 1, 0);
        assertThatThrownBy(() -> DataParallelStep.shardSizes(0, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBatchSmallerThanTheDevicesLeavesTheLastIdle() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu());
                DataParallelStep step = new DataParallelStep(manager, TrainingDevices.parse("cpu,cpu,cpu", 0), 2)) {
            assertThat(step.shards()).extracting(DataParallelStep.Shard::from, DataParallelStep.Shard::to)
                    .containsExactly(tuple(0, 1), tuple(1, 2));
            assertThat(step.shards()).extracting(DataParallelStep.Shard::share).containsExactly(0.5f, 0.5f);
        }
    }

    @Test
    void threeReplicasGiveTheWholeBatchGradientAndLoss() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            Engine.getEngine("PyTorch").setRandomSeed(7);
            Network network = new Network("mlp", List.of(new Layer.Dense(6), new Layer.Relu(), new Layer.Dense(OUT)),
                    manager, new Shape(1, IN));
            Random random = new Random(11);
            float[] inputs = gaussians(random, ROWS * IN);
            float[] targets = gaussians(random, ROWS * OUT);

            Step whole = step(network, manager, TrainingDevices.CPU, inputs, targets);
            Step split = step(network, manager, TrainingDevices.parse("cpu,cpu,cpu", 0), inputs, targets);

            assertThat(split.loss()).isCloseTo(whole.loss(), offset(1e-6f));
            assertThat(split.gradients()).hasSameSizeAs(whole.gradients());
            for (int i = 0; i < whole.gradients().size(); i++) {
                assertThat(split.gradients().get(i)).containsExactly(whole.gradients().get(i),
                        offset(1e-6f));
            }
        }
    }

    @Test
    void theParametersMustLiveOnTheFirstDevice() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            TrainingDevices gpu = new TrainingDevices(List.of(Device.gpu(0)));
            assertThatThrownBy(() -> new DataParallelStep(manager, gpu, 4))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("first training device");
        }
    }

    private record Step(float loss, List<float[]> gradients) {
    }

    /** One step's objective (mean squared error) and the gradients it leaves, which are then zeroed. */
    private static Step step(Network network, NDManager manager, TrainingDevices devices, float[] inputs,
            float[] targets) {
        float loss;
        try (DataParallelStep step = new DataParallelStep(manager, devices, ROWS)) {
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                List<NDArray> objectives = new ArrayList<>();
                for (DataParallelStep.Shard shard : step.shards()) {
                    NDManager m = shard.manager();
                    NDArray x = m.create(Arrays.copyOfRange(inputs, shard.from() * IN, shard.to() * IN),
                            new Shape(shard.size(), IN));
                    NDArray y = m.create(Arrays.copyOfRange(targets, shard.from() * OUT, shard.to() * OUT),
                            new Shape(shard.size(), OUT));
                    objectives.add(network.forward(shard.parameters(), x, true).sub(y).square().mean());
                }
                NDArray objective = step.combine(objectives);
                collector.backward(objective);
                loss = objective.getFloat();
            }
            step.gatherGradients();
        }
        List<float[]> gradients = new ArrayList<>();
        for (Parameter parameter : network.trainableParameters()) {
            try (NDArray gradient = parameter.getArray().getGradient()) {
                gradients.add(gradient.toFloatArray());
                gradient.muli(0);
            }
        }
        return new Step(loss, gradients);
    }

    private static float[] gaussians(Random random, int n) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }
}
