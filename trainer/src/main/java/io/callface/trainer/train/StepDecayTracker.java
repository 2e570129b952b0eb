package io.callface.trainer.train;

import ai.djl.training.tracker.Tracker;

/** {@code base * factor^floor(update / steps)}: the paper's "decayed by 0.95 every 10,000 steps". */
final class StepDecayTracker implements Tracker {
    private final float base;
    private final float factor;
    private final int steps;

    StepDecayTracker(float base, float factor, int steps) {
        this.base = base;
        this.factor = factor;
        this.steps = steps;
    }

    @Override
    public float getNewValue(int numUpdate) {
        return base * (float) Math.pow(factor, numUpdate / steps);
    }
}
