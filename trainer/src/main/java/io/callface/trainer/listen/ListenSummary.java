package io.callface.trainer.listen;

import io.callface.trainer.eval.Correlation;
import io.callface.trainer.synth.Sex;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The figures of one {@code listen} run over the recordings that gave a face.
 *
 * @param judged          recordings with a face (at least 3 s of voice)
 * @param unjudged        recordings without one
 * @param sexAgreement    share of faces whose judged sex is the speaker's
 * @param sexAgreementSe  its binomial standard error {@code sqrt(p (1 - p) / n)}
 * @param wilsonLow       lower end of its 95 % Wilson score interval (E. B. Wilson, JASA 22 (1927) 209-212), which
 *                        unlike {@code p +- 1.96 se} stays informative when p is 0 or 1 on a dozen recordings
 * @param wilsonHigh      upper end of that interval
 * @param majorityShare   the baseline of always answering the more common sex of the judged recordings
 * @param windows         windows of the judged recordings, each decoded from its own embedding
 * @param windowAgreement share of those windows whose face has the speaker's sex (no fusion)
 * @param maleAgreement   the share among male speakers; NaN without any
 * @param femaleAgreement the share among female speakers; NaN without any
 * @param age             Pearson's r of judged against labelled age, where at least 3 faces have an age label
 * @param ageMae          mean absolute error of the judged age in years, where any face has an age label
 */
public record ListenSummary(int judged, int unjudged, double sexAgreement, double sexAgreementSe, double wilsonLow,
                            double wilsonHigh, double majorityShare, int windows, double windowAgreement,
                            double maleAgreement, double femaleAgreement, Optional<Correlation> age,
                            OptionalDouble ageMae) {
    private static final double Z_95 = 1.959964;

    /** Sums up {@code calls}; throws {@link IllegalArgumentException} when none gave a face. */
    public static ListenSummary of(List<HeardCall> calls) {
        List<HeardCall> judged = calls.stream().filter(c -> c.judgement().isPresent()).toList();
        if (judged.isEmpty()) {
            throw new IllegalArgumentException("none of the " + calls.size() + " recordings holds the 3 s of voice a face "
                    + "needs");
        }
        double p = agreement(judged);
        List<HeardCall> aged = judged.stream().filter(c -> c.file().ageYears().isPresent()).toList();
        double[] labelled = aged.stream().mapToDouble(c -> c.file().ageYears().getAsDouble()).toArray();
        double[] read = aged.stream().mapToDouble(c -> c.judgement().orElseThrow().ageYears()).toArray();
        OptionalDouble mae = OptionalDouble.empty();
        if (!aged.isEmpty()) {
            double sum = 0;
            for (int i = 0; i < labelled.length; i++) {
                sum += Math.abs(read[i] - labelled[i]);
            }
            mae = OptionalDouble.of(sum / labelled.length);
        }
        int n = judged.size();
        // Wilson: (p + z^2/2n +- z sqrt(p(1-p)/n + z^2/4n^2)) / (1 + z^2/n).
        double z2 = Z_95 * Z_95;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z_95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
        long males = judged.stream().filter(c -> c.file().sex() == Sex.MALE).count();
        int windows = judged.stream().mapToInt(c -> c.windowJudgements().size()).sum();
        int windowsAgreeing = judged.stream().mapToInt(HeardCall::windowsAgreeing).sum();
        return new ListenSummary(n, calls.size() - n, p, Math.sqrt(p * (1 - p) / n),
                Math.max(0, centre - half), Math.min(1, centre + half), (double) Math.max(males, n - males) / n,
                windows, (double) windowsAgreeing / windows,
                agreement(judged.stream().filter(c -> c.file().sex() == Sex.MALE).toList()),
                agreement(judged.stream().filter(c -> c.file().sex() == Sex.FEMALE).toList()),
                aged.size() >= 3 ? Optional.of(Correlation.pearson(read, labelled)) : Optional.empty(), mae);
    }

    private static double agreement(List<HeardCall> calls) {
        return calls.isEmpty() ? Double.NaN
                : (double) calls.stream().filter(c -> c.sexAgrees().orElseThrow()).count() / calls.size();
    }
}
