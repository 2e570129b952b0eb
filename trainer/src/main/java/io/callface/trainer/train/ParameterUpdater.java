package io.callface.trainer.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Parameter;
import ai.djl.training.tracker.CosineTracker;
import ai.djl.training.tracker.Tracker;
import io.callface.trainer.nn.Network;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adam (paper settings from {@link TrainingOptions}) over the trainable parameters of some networks, with the
 * learning rate a function of the update count ({@link #voiceStage} and {@link #faceStage} give each stage's
 * schedule). It is DJL's Adam update (the same native {@code adamUpdate} with the bias-corrected rate), but the
 * moments and the update count live here, so a checkpoint can save them and a resumed run continues exactly.
 */
final class ParameterUpdater {
    /** DJL's and PyTorch's default; the paper names only beta1. */
    static final float BETA2 = 0.999f;
    private static final String MEAN = "adam_mean/";
    private static final String VARIANCE = "adam_variance/";

    private final Map<String, Parameter> parameters = new LinkedHashMap<>();
    private final Map<String, NDArray> means = new LinkedHashMap<>();
    private final Map<String, NDArray> variances = new LinkedHashMap<>();
    /** The face stage's rate ends at this share of its start. */
    static final float FACE_FINAL_RATE_SHARE = 0.01f;

    private final Tracker learningRate;
    private final float beta1;
    private final float epsilon;
    private int updates;

    /** The voice stage: the paper's rate, decayed by {@code decayRate} every {@code decaySteps} updates. */
    static ParameterUpdater voiceStage(List<Network> networks, TrainingOptions options) {
        return new ParameterUpdater(networks, options,
                new StepDecayTracker(options.learningRate(), options.decayRate(), options.decaySteps()));
    }

    /**
     * The face stage, which the paper does not train (it takes VGG-Face and Cole et al.'s decoder as given): the
     * same Adam, its rate annealed from {@code learningRate} to {@value #FACE_FINAL_RATE_SHARE} of it over the stage's
     * {@code totalUpdates} by a half cosine (Loshchilov and Hutter, ICLR 2017). At a constant 1e-3 the identity
     * loss climbed back from 0.08 to 1.7 between face epochs 36 and 68 of the benchmark (BENCHMARKS.md).
     */
    static ParameterUpdater faceStage(List<Network> networks, TrainingOptions options, int totalUpdates) {
        return new ParameterUpdater(networks, options, CosineTracker.builder().setBaseValue(options.learningRate())
                .optFinalValue(options.learningRate() * FACE_FINAL_RATE_SHARE).setMaxUpdates(totalUpdates).build());
    }

    private ParameterUpdater(List<Network> networks, TrainingOptions options, Tracker learningRate) {
        for (Network network : networks) {
            network.namedParameters().forEach((name, p) -> {
                if (p.requiresGradient()) {
                    parameters.put(name, p);
                }
            });
        }
        this.learningRate = learningRate;
        this.beta1 = options.beta1();
        this.epsilon = options.epsilon();
    }

    /** Applies one update from the accumulated gradients, then zeroes them for the next step. */
    void step() {
        updates++;
        double coefficient1 = 1 - Math.pow(beta1, updates);
        double coefficient2 = 1 - Math.pow(BETA2, updates);
        float rate = learningRate(updates);
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

    /** The learning rate of the {@code update}-th update (counted from 1). */
    float learningRate(int update) {
        return learningRate.getNewValue(update);
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
