package io.callface.trainer.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Test-split evaluation of a model directory: feature similarity and speech-to-face retrieval, each for
 * 6 s and 3 s of audio, sex-attribute agreement, and example faces.
 *
 * @param clips         test clips evaluated
 * @param gallerySize   distinct test identities (faces) in the retrieval gallery
 * @param sixSeconds    similarity with 6 s of audio
 * @param threeSeconds  similarity with the first 3 s (repeated to 6 s as the stream does)
 * @param recallSix     recall at K (fraction) with 6 s audio, for K in {@link #KS}
 * @param recallThree   recall at K with 3 s audio
 * @param curveSix      recall at K = 1, 2, ... up to {@link #CURVE_MAX_K} (or the gallery size), 6 s audio
 * @param curveThree    the same for 3 s audio
 * @param sex           sex-attribute agreement, when the corpus lists each identity's sex ({@code identities.csv})
 * @param oracle        recall at K of the {@link TraitOracle} ceilings (face features and exact face shapes
 *                      predicted from the exact voice parameters of a synthetic corpus), when
 *                      {@code identities.csv} lists them
 * @param examples      Figure-3 rows for the first few test identities
 */
public record EvaluationReport(int clips, int gallerySize, Similarity sixSeconds, Similarity threeSeconds,
        Map<Integer, Double> recallSix, Map<Integer, Double> recallThree, List<Double> curveSix,
        List<Double> curveThree, Optional<SexAgreement> sex, Optional<OracleRecall> oracle,
        List<FaceExample> examples) {

    /** What the oracle row of the report means. */
    private static final String ORACLE_NOTE = """

            The voice-trait oracles are no voice models: ridge regressions from the exact parameters the
            synthesiser gave each voice (sex, F0, vocal-tract length, jitter, shimmer, rate, breathiness), fitted on
            the training identities, one query per test identity. The first predicts the true face feature and
            retrieves among the test faces' features: what a voice encoder could reach with perfect hearing and a
            linear read-out in this model's face feature space. The second predicts the five exact face-shape
            proportions (standardised) and retrieves among the test identities' exact shapes: how much of a face
            the synthetic population lets a voice reveal, whatever the face encoder.
            """;
    /** The paper's retrieval cut-offs (Table 3). */
    public static final List<Integer> KS = List.of(1, 2, 5, 10);
    /** The recall curves go up to this K. */
    public static final int CURVE_MAX_K = 50;

    public EvaluationReport {
        if (clips <= 0 || gallerySize <= 0) {
            throw new IllegalArgumentException("clips and gallerySize must be positive, got " + clips + ", " + gallerySize);
        }
        Objects.requireNonNull(sixSeconds, "sixSeconds");
        Objects.requireNonNull(threeSeconds, "threeSeconds");
        recallSix = Map.copyOf(recallSix);
        recallThree = Map.copyOf(recallThree);
        if (!recallSix.keySet().containsAll(KS) || !recallThree.keySet().containsAll(KS)) {
            throw new IllegalArgumentException("recall must cover K in " + KS);
        }
        curveSix = List.copyOf(curveSix);
        curveThree = List.copyOf(curveThree);
        int points = Math.min(CURVE_MAX_K, gallerySize);
        if (curveSix.size() != points || curveThree.size() != points) {
            throw new IllegalArgumentException("recall curves must have " + points + " points, got " + curveSix.size()
                    + " and " + curveThree.size());
        }
        Objects.requireNonNull(sex, "sex");
        Objects.requireNonNull(oracle, "oracle");
        examples = List.copyOf(examples);
    }

    /** Figures for {@code model.json}'s metrics, keyed e.g. {@code angle_deg_6s}, {@code recall_at_5_3s}. */
    public Map<String, Double> metrics() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("test_clips", (double) clips);
        m.put("gallery_size", (double) gallerySize);
        put(m, "6s", sixSeconds, recallSix);
        put(m, "3s", threeSeconds, recallThree);
        KS.forEach(k -> m.put("chance_at_" + k, Retrieval.chance(k, gallerySize)));
        oracle.ifPresent(o -> KS.forEach(k -> {
            m.put("oracle_feature_recall_at_" + k, o.faceFeature().get(k));
            m.put("oracle_shape_recall_at_" + k, o.faceShape().get(k));
        }));
        sex.ifPresent(a -> {
            m.put("sex_classifier_accuracy", a.classifierAccuracy());
            m.put("sex_agreement_feature_6s", a.featureAgreement());
            m.put("sex_agreement_reconstruction_6s", a.reconstructionAgreement());
        });
        return m;
    }

    /** A short markdown report with the paper's figures beside ours. */
    public String toMarkdown(String preset) {
        StringBuilder md = new StringBuilder();
        md.append("# callface evaluation (preset ").append(preset).append(")\n\n");
        md.append(String.format(Locale.ROOT, "Test split: %d clips, %d identities in the retrieval gallery.%n%n",
                clips, gallerySize));
        md.append("## Feature similarity (predicted v_s vs true v_f)\n\n");
        md.append("| audio | cosine angle (deg) | L1 | L2 |\n|---|---|---|---|\n");
        row(md, "6 s", sixSeconds);
        row(md, "3 s", threeSeconds);
        md.append("\nPaper (Table 2, 6 s, 4096-D VGG-Face fc7): 45.75 +- 5.09 deg; 3 s: 48.43 deg. "
                + "L1/L2 are sums over D dimensions, so they depend on the preset's feature scale.\n\n");
        md.append("## Retrieval S2F -> face (cosine), recall at K in %\n\n");
        md.append("| audio | R@1 | R@2 | R@5 | R@10 |\n|---|---|---|---|---|\n");
        recallRow(md, "6 s", recallSix);
        recallRow(md, "3 s", recallThree);
        oracle.ifPresent(o -> {
            recallRow(md, "voice-trait oracle -> face feature (ceiling of this model)", o.faceFeature());
            recallRow(md, "voice-trait oracle -> exact face shape (ceiling of the population)", o.faceShape());
        });
        md.append("| chance");
        KS.forEach(k -> md.append(String.format(Locale.ROOT, " | %.2f", 100 * Retrieval.chance(k, gallerySize))));
        md.append(" |\n\nPaper (Table 3, 6 s, gallery 5,000 in 50-face groups): 10.92 / 17.00 / 30.60 / 45.82; "
                + "chance K/50.\n");
        oracle.ifPresent(o -> md.append(ORACLE_NOTE));
        sex.ifPresent(a -> md.append(String.format(Locale.ROOT, """

                ## Sex-attribute agreement (6 s audio)

                A logistic-regression classifier trained on the training identities' true face features with their
                sex labels; it is %.1f %% accurate on the true test faces. Its verdict on the face from speech agrees
                with its verdict on the true face for %.1f %% of test clips (speech feature v_s) and %.1f %%
                (face decoded from v_s, re-encoded by the face encoder). Paper (Table 4): 94 %%.
                """, 100 * a.classifierAccuracy(), 100 * a.featureAgreement(), 100 * a.reconstructionAgreement())));
        return md.toString();
    }

    private static void put(Map<String, Double> m, String suffix, Similarity s, Map<Integer, Double> recall) {
        m.put("angle_deg_" + suffix, s.angleDegrees());
        m.put("angle_deg_std_" + suffix, s.angleStdDegrees());
        m.put("l1_" + suffix, s.l1());
        m.put("l2_" + suffix, s.l2());
        KS.forEach(k -> m.put("recall_at_" + k + "_" + suffix, recall.get(k)));
    }

    private static void row(StringBuilder md, String label, Similarity s) {
        md.append(String.format(Locale.ROOT, "| %s | %.2f +- %.2f | %.4f | %.4f |%n", label, s.angleDegrees(),
                s.angleStdDegrees(), s.l1(), s.l2()));
    }

    private static void recallRow(StringBuilder md, String label, Map<Integer, Double> recall) {
        md.append("| ").append(label);
        KS.forEach(k -> md.append(String.format(Locale.ROOT, " | %.2f", 100 * recall.get(k))));
        md.append(" |\n");
    }
}
