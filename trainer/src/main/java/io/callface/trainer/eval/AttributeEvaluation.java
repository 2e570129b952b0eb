package io.callface.trainer.eval;

import io.callface.trainer.synth.Ancestry;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The paper's attribute evaluation (section 5, Figure 4) of one model: the {@link AttributeClassifiers} applied to
 * the true test faces (against the true traits) and to the faces decoded from the true feature and from 6 s and 3 s
 * of speech (against the same classifiers' verdict on the true face).
 *
 * @param trainingImages images the classifiers were fitted on
 * @param penalties      the L2 penalty chosen for each classifier
 * @param scores         one entry per {@link FaceSource}
 */
public record AttributeEvaluation(int trainingImages, Map<String, Double> penalties,
        Map<FaceSource, AttributeScores> scores) {
    public AttributeEvaluation {
        penalties = Map.copyOf(penalties);
        if (scores.size() != FaceSource.values().length) {
            throw new IllegalArgumentException("scores must cover every face source, got " + scores.keySet());
        }
        scores = new EnumMap<>(scores);
    }

    public AttributeScores of(FaceSource source) {
        return scores.get(source);
    }

    @Override
    public Map<FaceSource, AttributeScores> scores() {
        return new EnumMap<>(scores);
    }

    /**
     * Figures for {@code model.json}, e.g. {@code sex_accuracy_true}, {@code sex_agreement_s2f_6s},
     * {@code age_r_s2f_6s}, {@code ancestry_agreement_african_f2f}; undefined figures (an empty group) are left out.
     */
    public Map<String, Double> metrics() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("attribute_training_images", (double) trainingImages);
        scores.forEach((source, s) -> {
            String k = source.key();
            m.put("sex_agreement_" + k, s.sexAgreement());
            m.put("sex_agreement_se_" + k, s.sexAgreementStandardError());
            m.put("sex_accuracy_" + k, s.sexAccuracy());
            m.put("age_r_" + k, s.ageVsTrueAge().r());
            m.put("age_r_se_" + k, s.ageVsTrueAge().standardError());
            m.put("age_mae_" + k, s.ageMeanAbsoluteError());
            m.put("age_r_reference_" + k, s.ageVsReference().r());
            m.put("ancestry_agreement_" + k, s.ancestryAgreement());
            m.put("ancestry_accuracy_" + k, s.ancestryAccuracy());
            m.put("ancestry_balanced_agreement_" + k, s.ancestry().balancedAgreement());
            for (Ancestry group : Ancestry.values()) {
                m.put("ancestry_agreement_" + group.csvName() + "_" + k, s.ancestry().rowAgreement(group.ordinal()));
            }
        });
        m.values().removeIf(v -> !Double.isFinite(v));
        return m;
    }

    /** The report's section: one table over the face sources, one per ancestry group, the figures' names. */
    public String toMarkdown() {
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT, """

                ## Attributes judged on the faces (paper section 5, Figure 4)

                Classifiers in the role of the paper's Face++: logistic regression (sex), ridge regression (age in
                years) and multinomial logistic regression (ancestry) on a fixed pixel descriptor (32 x 32 RGB area
                means and a 16 x 16 grid of luminance gradient magnitude, standardised), fitted on true face images
                only: the training identities' and the corpus's judge set's, people outside the corpus (%d images:
                canonical faces and renderings; L2 penalties chosen
                on the validation identities: sex %s, age %s, ancestry %s). They never see our networks' outputs
                before the test. On true faces the reference is the true trait; on decoded faces it is the
                classifiers' verdict on the identity's true face (as the paper compares Face++ on both images).

                | faces | n | sex agreement | sex vs true sex | age r vs true age | age MAE (years) \
                | age r vs age judged on true face | ancestry agreement | ancestry vs true group |
                |---|---|---|---|---|---|---|---|---|
                """, trainingImages, penalty("sex"), penalty("age"), penalty("ancestry")));
        scores.forEach((source, s) -> md.append(String.format(Locale.ROOT,
                "| %s | %d | %.1f +- %.1f %% | %.1f %% | %.3f +- %.3f | %.1f | %.3f | %.1f %% | %.1f %% |%n",
                source.label(), s.samples(), 100 * s.sexAgreement(), 100 * s.sexAgreementStandardError(),
                100 * s.sexAccuracy(), s.ageVsTrueAge().r(), s.ageVsTrueAge().standardError(), s.ageMeanAbsoluteError(),
                s.ageVsReference().r(), 100 * s.ancestryAgreement(), 100 * s.ancestryAccuracy())));
        md.append("""

                The listener row is no voice model of ours: a ridge map from log mel statistics of the clip (40 mel
                bands: mean, deviation, deviation of the change) to the true face feature, fitted on the training
                identities, then decoded by this face stage. It shows what a listener that hears what those
                statistics hold would draw here; where it beats the S2F rows, the voice encoder is the limit. The
                oracle row is none either: the voice-trait oracle's ridge map from the exact voice and accent
                parameters to the face feature (one face per test identity), decoded the same way: what perfect
                hearing and a linear map could draw through this face stage, the ceiling of the rows from speech.

                Paper: sex agreement 94 % (Face++ on true vs reconstructed faces); age and ethnicity as confusion
                matrices with a clear diagonal, ethnicity good only for the groups well represented in its data.
                Standard errors: binomial for fractions, (1 - r^2) / sqrt(n - 2) for r. Clips of one identity share a
                true face, so the S2F rows' errors are somewhat optimistic.

                Ancestry agreement per group: the diagonal share of each row of the confusion matrices (rows: the
                true group for the true faces, the group judged on the true face for decoded faces; n: true test
                faces of the group; balanced: the mean over the groups, which is chance, one over the number of
                groups, for a face judged the same group whatever the voice, where the overall agreement is that
                group's share):

                | group | n |""");
        scores.keySet().forEach(source -> md.append(' ').append(source.label()).append(" |"));
        md.append("\n|---|---|").append("---|".repeat(scores.size())).append('\n');
        AttributeScores truth = scores.get(FaceSource.TRUE);
        for (Ancestry group : Ancestry.values()) {
            md.append("| ").append(group.csvName()).append(" | ").append(truth.ancestry().rowTotal(group.ordinal()))
                    .append(" |");
            scores.values().forEach(s -> md.append(percentOrNa(s.ancestry().rowAgreement(group.ordinal()))));
            md.append('\n');
        }
        md.append("| balanced (mean over groups) | |");
        scores.values().forEach(s -> md.append(percentOrNa(s.ancestry().balancedAgreement())));
        return md.append('\n').toString();
    }

    private static String percentOrNa(double fraction) {
        return Double.isNaN(fraction) ? " n/a |" : String.format(Locale.ROOT, " %.1f %% |", 100 * fraction);
    }

    private String penalty(String classifier) {
        return String.valueOf(penalties.get(classifier));
    }
}
