package io.callface.trainer.train;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;
import io.callface.trainer.nn.Network;
import java.util.List;

/** Adam (paper settings from {@link TrainingOptions}) over the trainable parameters of some networks. */
final class ParameterUpdater {
    private final Optimizer optimizer;
    private final List<Parameter> parameters;

    ParameterUpdater(List<Network> networks, TrainingOptions options) {
        this.parameters = networks.stream().flatMap(n -> n.trainableParameters().stream()).toList();
        this.optimizer = Optimizer.adam()
                .optBeta1(options.beta1())
                .optEpsilon(options.epsilon())
                .optLearningRateTracker(new StepDecayTracker(options.learningRate(), options.decayRate(),
                        options.decaySteps()))
                .build();
    }

    /** Applies one update from the accumulated gradients, then zeroes them for the next step. */
    void step() {
        for (Parameter p : parameters) {
            NDArray weight = p.getArray();
            try (NDArray gradient = weight.getGradient()) {
                optimizer.update(p.getId(), weight, gradient);
                // Backward accumulates into .grad; zero it in place so each step sees only its own batch.
                gradient.muli(0);
            }
        }
    }
}
