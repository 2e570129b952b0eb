package io.callface.trainer.eval;

/**
 * Mean agreement of predicted and true face features over the test clips (paper Table 2).
 *
 * @param angleDegrees      mean angle between {@code v_s} and {@code v_f}
 * @param angleStdDegrees   standard deviation of that angle
 * @param l1                mean {@code |v_s - v_f|_1}
 * @param l2                mean {@code |v_s - v_f|_2}
 */
public record Similarity(double angleDegrees, double angleStdDegrees, double l1, double l2) {
    public Similarity {
        if (!(angleDegrees >= 0 && angleDegrees <= 180) || !(angleStdDegrees >= 0) || !(l1 >= 0) || !(l2 >= 0)) {
            throw new IllegalArgumentException("similarity figures out of range: angle " + angleDegrees + ", std "
                    + angleStdDegrees + ", l1 " + l1 + ", l2 " + l2);
        }
    }
}
