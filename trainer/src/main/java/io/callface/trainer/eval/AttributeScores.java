package io.callface.trainer.eval;

import io.callface.trainer.synth.Ancestry;
import io.callface.trainer.synth.Sex;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.ToIntFunction;

/**
 * How the {@link AttributeClassifiers}' verdicts on one kind of face (true faces, faces decoded from the true
 * feature, faces decoded from speech) compare with a reference verdict (the same classifiers on the true face, or
 * the true traits for the true faces themselves) and with the true traits.
 *
 * @param samples             faces judged
 * @param sexAgreement        fraction whose judged sex equals the reference's
 * @param sexAccuracy         fraction whose judged sex equals the true sex
 * @param ageVsTrueAge        Pearson r of judged age against true age
 * @param ageMeanAbsoluteError mean |judged age - true age| in years
 * @param ageVsReference      Pearson r of judged age against the reference's age
 * @param ancestryAgreement   fraction whose judged ancestry equals the reference's
 * @param ancestryAccuracy    fraction whose judged ancestry equals the true ancestry
 * @param sex                 reference sex (rows) against judged sex (columns), female then male
 * @param age                 reference {@link AgeGroup} against judged group
 * @param ancestry            reference {@link Ancestry} against judged group
 */
public record AttributeScores(int samples, double sexAgreement, double sexAccuracy, Correlation ageVsTrueAge,
        double ageMeanAbsoluteError, Correlation ageVsReference, double ancestryAgreement, double ancestryAccuracy,
        ConfusionMatrix sex, ConfusionMatrix age, ConfusionMatrix ancestry) {
    public AttributeScores {
        if (samples <= 0) {
            throw new IllegalArgumentException("samples must be positive, got " + samples);
        }
        Objects.requireNonNull(ageVsTrueAge, "ageVsTrueAge");
        Objects.requireNonNull(ageVsReference, "ageVsReference");
        Objects.requireNonNull(sex, "sex");
        Objects.requireNonNull(age, "age");
        Objects.requireNonNull(ancestry, "ancestry");
    }

    /**
     * Scores {@code judged.get(i)} against {@code reference.get(i)} and the true attributes {@code truth.get(i)}
     * ({@link AttributeJudgement#truth}).
     */
    public static AttributeScores of(List<AttributeJudgement> truth, List<AttributeJudgement> reference,
            List<AttributeJudgement> judged) {
        int n = judged.size();
        if (n == 0 || truth.size() != n || reference.size() != n) {
            throw new IllegalArgumentException("truth (" + truth.size() + "), reference (" + reference.size()
                    + ") and judged (" + n + ") must be non-empty and of equal size");
        }
        int sexAgree = 0;
        int sexCorrect = 0;
        int ancestryAgree = 0;
        int ancestryCorrect = 0;
        double[] judgedAge = new double[n];
        double[] trueAge = new double[n];
        double[] referenceAge = new double[n];
        double absoluteError = 0;
        for (int i = 0; i < n; i++) {
            AttributeJudgement j = judged.get(i);
            AttributeJudgement r = reference.get(i);
            AttributeJudgement t = truth.get(i);
            sexAgree += j.sex() == r.sex() ? 1 : 0;
            sexCorrect += j.sex() == t.sex() ? 1 : 0;
            ancestryAgree += j.ancestry() == r.ancestry() ? 1 : 0;
            ancestryCorrect += j.ancestry() == t.ancestry() ? 1 : 0;
            judgedAge[i] = j.ageYears();
            trueAge[i] = t.ageYears();
            referenceAge[i] = r.ageYears();
            absoluteError += Math.abs(j.ageYears() - t.ageYears());
        }
        List<String> sexes = Arrays.stream(Sex.values()).map(Sex::csvName).toList();
        List<String> ages = Arrays.stream(AgeGroup.values()).map(AgeGroup::label).toList();
        List<String> groups = Arrays.stream(Ancestry.values()).map(Ancestry::csvName).toList();
        return new AttributeScores(n, (double) sexAgree / n, (double) sexCorrect / n,
                Correlation.pearson(judgedAge, trueAge), absoluteError / n, Correlation.pearson(judgedAge, referenceAge),
                (double) ancestryAgree / n, (double) ancestryCorrect / n,
                ConfusionMatrix.of(sexes, classes(reference, j -> j.sex().ordinal()),
                        classes(judged, j -> j.sex().ordinal())),
                ConfusionMatrix.of(ages, classes(reference, j -> j.ageGroup().ordinal()),
                        classes(judged, j -> j.ageGroup().ordinal())),
                ConfusionMatrix.of(groups, classes(reference, j -> j.ancestry().ordinal()),
                        classes(judged, j -> j.ancestry().ordinal())));
    }

    /** Binomial standard error of {@link #sexAgreement()}. */
    public double sexAgreementStandardError() {
        return Retrieval.standardError(sexAgreement, samples);
    }

    private static int[] classes(List<AttributeJudgement> judgements,
            ToIntFunction<AttributeJudgement> index) {
        return judgements.stream().mapToInt(index).toArray();
    }
}
