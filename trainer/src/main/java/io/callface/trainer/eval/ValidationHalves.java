package io.callface.trainer.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * Validation rows split in two by speaker, for choosing a read-out's penalty without touching the test split: rows of
 * every other identity (in sorted order) go to the first half, the rest to the second, so no speaker is on both sides.
 *
 * @param first  row indices the candidate read-outs are fitted on
 * @param second row indices they are scored on
 */
record ValidationHalves(List<Integer> first, List<Integer> second) {
    ValidationHalves {
        first = List.copyOf(first);
        second = List.copyOf(second);
    }

    /** The halves of rows whose speakers are {@code identities} (one per row). */
    static ValidationHalves of(List<String> identities) {
        List<String> distinct = identities.stream().distinct().sorted().toList();
        List<Integer> first = new ArrayList<>();
        List<Integer> second = new ArrayList<>();
        for (int i = 0; i < identities.size(); i++) {
            (distinct.indexOf(identities.get(i)) % 2 == 0 ? first : second).add(i);
        }
        return new ValidationHalves(first, second);
    }

    /**
     * The penalty of {@link AttributeClassifiers#PENALTIES} with the lowest {@code heldOutLoss} (a read-out fitted on
     * the first half with that penalty, scored on the second); the middle one when a half is empty.
     */
    double bestPenalty(DoubleUnaryOperator heldOutLoss) {
        List<Double> penalties = AttributeClassifiers.PENALTIES;
        if (first.isEmpty() || second.isEmpty()) {
            return penalties.get(penalties.size() / 2);
        }
        double best = Double.NaN;
        double bestLoss = Double.POSITIVE_INFINITY;
        for (double penalty : penalties) {
            double loss = heldOutLoss.applyAsDouble(penalty);
            if (loss < bestLoss) {
                bestLoss = loss;
                best = penalty;
            }
        }
        return best;
    }

    static float[][] pick(float[][] rows, List<Integer> at) {
        return at.stream().map(i -> rows[i]).toArray(float[][]::new);
    }

    static int[] pick(int[] values, List<Integer> at) {
        return at.stream().mapToInt(i -> values[i]).toArray();
    }

    static double[] pick(double[] values, List<Integer> at) {
        return at.stream().mapToDouble(i -> values[i]).toArray();
    }
}
