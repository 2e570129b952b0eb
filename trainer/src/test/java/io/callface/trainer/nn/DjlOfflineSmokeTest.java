package io.callface.trainer.nn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.NDList;
import org.junit.jupiter.api.Test;

/** DJL loads PyTorch from the pytorch-native-cpu jar with DJL_OFFLINE=true and trains a Conv2d. */
class DjlOfflineSmokeTest {
    @Test
    void conv2dForwardAndBackwardRunOfflineOnPyTorch() {
        Engine engine = Engine.getEngine("PyTorch");
        assertThat(engine.getEngineName()).isEqualTo("PyTorch");
        try (NDManager manager = NDManager.newBaseManager()) {
            Conv2d conv = Conv2d.builder().setKernelShape(new Shape(4, 4)).setFilters(8).build();
            conv.setInitializer(new XavierInitializer(), ai.djl.nn.Parameter.Type.WEIGHT);
            conv.initialize(manager, DataType.FLOAT32, new Shape(1, 2, 16, 16));
            NDArray x = manager.randomNormal(new Shape(1, 2, 16, 16));
            try (GradientCollector gc = engine.newGradientCollector()) {
                NDArray y = conv.forward(new ParameterStore(manager, false), new NDList(x), true).singletonOrThrow();
                gc.backward(y.sum());
            }
            assertThat(conv.getParameters().get("weight").getArray().getGradient().abs().sum().getFloat()).isPositive();
        }
    }
}
