package io.callface.trainer.eval;

import java.util.Objects;
import java.util.Optional;

/**
 * How faces from 6 s of speech heard through one {@link CallCondition} score: recall@10 of the voice feature among
 * the test faces' features, and, when the attribute classifiers ran, the attributes of the decoded faces against
 * the verdicts on the true faces (sex agreement, age r, ancestry agreement).
 */
public record ConditionScores(CallCondition condition, int clips, double recallAt10, Optional<AttributeScores> attributes) {
    public ConditionScores {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(attributes, "attributes");
        if (clips <= 0) {
            throw new IllegalArgumentException("clips must be positive, got " + clips);
        }
    }

    /** The binomial standard error of {@link #recallAt10()}. */
    public double recallStandardError() {
        return Math.sqrt(recallAt10 * (1 - recallAt10) / clips);
    }
}
