package io.callface.trainer.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Parameter;
import io.callface.trainer.nn.Network;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adam (paper settings from {@link TrainingOptions}) over the trainable parameters of some networks. It is
 * DJL's Adam update (the same native {@code adamUpdate} with the bias-corrected rate), but the moments and
 * the update count live here, so a checkpoint can save them and a resumed run continues exactly.
 */
final class ParameterUpdater {
    /** DJL's and PyTorch's default; the paper names only beta1. */
    static final float BETA2 = 0.999f;
    private static final String MEAN = "adam_mean/";
    private static final String VARIANCE = "adam_variance/";

    private final Map<String, Parameter> parameters = new LinkedHashMap<>();
    private final Map<String, NDArray> means = new LinkedHashMap<>();
    private final Map<String, NDArray> variances = new LinkedHashMap<>();
    private final StepDecayTracker learningRate;
    private final float beta1;
    private final float epsilon;
    private int updates;

    ParameterUpdater(List<Network> networks, TrainingOptions options) {
        for (Network network : networks) {
            network.namedParameters().forEach((name, p) -> {
                if (p.requiresGradient()) {
                    parameters.put(name, p);
                }
            });
        }
        this.learningRate = new StepDecayTracker(options.learningRate(), options.decayRate(), options.decaySteps());
        this.beta1 = options.beta1();
        this.epsilon = options.epsilon();
    }

    /** Applies one update from the accumulated gradients, then zeroes them for the next step. */
    void step() {
        updates++;
        double coefficient1 = 1 - Math.pow(beta1, updates);
        double coefficient2 = 1 - Math.pow(BETA2, updates);
        float rate = learningRate.getNewValue(updates);
        float corrected = (float) (rate * Math.sqrt(coefficient2) / coefficient1);
        for (Map.Entry<String, Parameter> e : parameters.entrySet()) {
            NDArray weight = e.getValue().getArray();
            NDArray mean = means.computeIfAbsent(e.getKey(), k -> weight.zerosLike());
            NDArray variance = variances.computeIfAbsent(e.getKey(), k -> weight.zerosLike());
            try (NDArray gradient = weight.getGradient()) {
                weight.getNDArrayInternal().adamUpdate(new NDList(weight, gradient, mean, variance), new NDList(weight),
                        rate, corrected, 0f, 1f, -1f, beta1, BETA2, epsilon, true, false);
                // Backward accumulates into .grad; zero it in place so each step sees only its own batch.
                gradient.muli(0);
            }
        }
    }

    /** Updates applied so far (the learning-rate schedule and bias correction count these). */
    int updates() {
        return updates;
    }

    /** The moments, keyed {@code adam_mean/<parameter>} and {@code adam_variance/<parameter>}, for a checkpoint. */
    Map<String, NDArray> state() {
        Map<String, NDArray> state = new LinkedHashMap<>();
        for (String name : parameters.keySet()) {
            NDArray weight = parameters.get(name).getArray();
            state.put(MEAN + name, means.computeIfAbsent(name, k -> weight.zerosLike()));
            state.put(VARIANCE + name, variances.computeIfAbsent(name, k -> weight.zerosLike()));
        }
        return state;
    }

    /** Restores the update count; the moments are restored by writing into the arrays {@link #state()} returns. */
    void restoreUpdates(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("updates must not be negative, got " + count);
        }
        updates = count;
    }
}
