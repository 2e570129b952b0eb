package io.callface.trainer.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Test-split evaluation of a model directory (the paper's section 5): feature similarity and speech-to-face
 * retrieval for 6 s and 3 s of audio, whether the face stage keeps identity, the attribute evaluation on images,
 * the craniofacial-measure correlations and example faces.
 *
 * @param clips              test clips evaluated (the queries of the speech retrieval)
 * @param gallerySize        distinct test identities (faces) in the retrieval gallery
 * @param sixSeconds         similarity with 6 s of audio
 * @param threeSeconds       similarity with the first 3 s (repeated to 6 s as the stream does)
 * @param recallSix          recall at K (fraction) with 6 s audio, for K in {@link #KS}
 * @param recallThree        recall at K with 3 s audio
 * @param curveSix           recall at K = 1, 2, ... up to {@link #CURVE_MAX_K} (or the gallery size), 6 s audio
 * @param curveThree         the same for 3 s audio
 * @param faceIdentityRecall recall at K when each test face's reconstruction from its own true feature (decoded,
 *                           then re-encoded by the face encoder) retrieves among the test faces' true features, one
 *                           query per test identity
 * @param sex                the feature-space sex diagnostic, when the corpus lists each identity's sex
 * @param attributes         the attribute evaluation on images, when {@code identities.csv} gives the traits
 * @param faceMeasures       the craniofacial-measure correlations (Figure 5), when the gallery has 2 or more faces
 * @param oracle             recall at K of the {@link TraitOracle} ceilings, when {@code identities.csv} lists them
 * @param examples           Figure-3 rows for the first test identities
 * @param conditions         recall and attribute agreement per call channel
 * @param callerAttributes   the calibration of the {@link AttributeHeads} on the test clips' speech, when
 *                           {@code identities.csv} gives the traits and the corpus has validation identities
 * @param speechReadouts     linear read-outs of ancestry and age from the speech feature and from log mel statistics
 *                           of the same clips, under the same conditions
 */
public record EvaluationReport(int clips, int gallerySize, Similarity sixSeconds, Similarity threeSeconds,
        Map<Integer, Double> recallSix, Map<Integer, Double> recallThree, List<Double> curveSix,
        List<Double> curveThree, Map<Integer, Double> faceIdentityRecall, Optional<SexAgreement> sex,
        Optional<AttributeEvaluation> attributes, Optional<FaceMeasureCorrelations> faceMeasures,
        Optional<OracleRecall> oracle, List<FaceExample> examples, List<ConditionScores> conditions,
        Optional<AttributeCalibration> callerAttributes, Optional<SpeechReadouts> speechReadouts) {

    /** What the oracle row of the report means. */
    private static final String ORACLE_NOTE = """

            The voice-trait oracles are no voice models: ridge regressions from the exact parameters the
            synthesiser gave each voice (sex, F0, vocal-tract length, jitter, shimmer, rate, breathiness, and how
            strongly it has each group accent), fitted on the training identities, one query per test identity. The first predicts the true face feature and
            retrieves among the test faces' features: what a voice encoder could reach with perfect hearing and a
            linear read-out in this model's face feature space. The second predicts the five exact face-shape
            proportions (standardised) and retrieves among the test identities' exact shapes: how much of a face
            the synthetic population lets a voice reveal, whatever the face encoder. A third predicts the age in
            years: its r against the true age bounds any age judged from a face drawn from this world's speech.
            """;
    /** The paper's retrieval cut-offs (Table 3). */
    public static final List<Integer> KS = List.of(1, 2, 5, 10);
    /** The recall curves go up to this K. */
    public static final int CURVE_MAX_K = 50;
    /** The cut-off at which speech retrieval is compared with the oracle. */
    public static final int ORACLE_K = 10;

    public EvaluationReport {
        if (clips <= 0 || gallerySize <= 0) {
            throw new IllegalArgumentException("clips and gallerySize must be positive, got " + clips + ", " + gallerySize);
        }
        Objects.requireNonNull(sixSeconds, "sixSeconds");
        Objects.requireNonNull(threeSeconds, "threeSeconds");
        recallSix = Map.copyOf(recallSix);
        recallThree = Map.copyOf(recallThree);
        faceIdentityRecall = Map.copyOf(faceIdentityRecall);
        if (!recallSix.keySet().containsAll(KS) || !recallThree.keySet().containsAll(KS)
                || !faceIdentityRecall.keySet().containsAll(KS)) {
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
        Objects.requireNonNull(attributes, "attributes");
        Objects.requireNonNull(faceMeasures, "faceMeasures");
        Objects.requireNonNull(oracle, "oracle");
        examples = List.copyOf(examples);
        conditions = List.copyOf(conditions);
        Objects.requireNonNull(callerAttributes, "callerAttributes");
        Objects.requireNonNull(speechReadouts, "speechReadouts");
    }

    /** Binomial standard error of a speech recall over the {@link #clips()} queries. */
    public double recallStandardError(double recall) {
        return Retrieval.standardError(recall, clips);
    }

    /** Binomial standard error of {@link #faceIdentityRecall()} at {@code k}, one query per test identity. */
    public double faceIdentityStandardError(int k) {
        return Retrieval.standardError(faceIdentityRecall.get(k), gallerySize);
    }

    /** Recall at {@value #ORACLE_K} from 6 s of speech over the feature oracle's, when there is an oracle. */
    public Optional<Double> oracleRatio() {
        return oracle.map(o -> o.faceFeature().get(ORACLE_K)).filter(r -> r > 0).map(r -> recallSix.get(ORACLE_K) / r);
    }

    /** Figures for {@code model.json}'s metrics, keyed e.g. {@code angle_deg_6s}, {@code recall_at_5_3s}. */
    public Map<String, Double> metrics() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("test_clips", (double) clips);
        m.put("gallery_size", (double) gallerySize);
        put(m, "6s", sixSeconds, recallSix);
        put(m, "3s", threeSeconds, recallThree);
        putErrors(m, "6s", recallSix);
        putErrors(m, "3s", recallThree);
        KS.forEach(k -> m.put("chance_at_" + k, Retrieval.chance(k, gallerySize)));
        KS.forEach(k -> {
            m.put("face_identity_recall_at_" + k, faceIdentityRecall.get(k));
            m.put("face_identity_recall_se_at_" + k, faceIdentityStandardError(k));
        });
        oracle.ifPresent(o -> KS.forEach(k -> {
            m.put("oracle_feature_recall_at_" + k, o.faceFeature().get(k));
            m.put("oracle_shape_recall_at_" + k, o.faceShape().get(k));
        }));
        oracle.ifPresent(o -> m.put("oracle_age_r", o.age().r()));
        oracleRatio().ifPresent(r -> m.put("oracle_ratio_at_" + ORACLE_K + "_6s", r));
        sex.ifPresent(a -> {
            m.put("sex_feature_classifier_accuracy", a.classifierAccuracy());
            m.put("sex_agreement_feature_6s", a.featureAgreement());
        });
        attributes.ifPresent(a -> m.putAll(a.metrics()));
        callerAttributes.ifPresent(c -> m.putAll(c.metrics()));
        speechReadouts.ifPresent(r -> {
            m.put("ancestry_readout_feature_6s", r.featureAncestry().accuracy());
            m.put("ancestry_readout_feature_6s_accented", r.featureAncestry().accentedAccuracy());
            m.put("ancestry_readout_feature_6s_native", r.featureAncestry().nativeAccuracy());
            m.put("age_readout_feature_6s_r", r.featureAge().ageR().r());
            m.put("ancestry_readout_logmel_6s", r.logMelAncestry().accuracy());
            m.put("ancestry_readout_logmel_6s_accented", r.logMelAncestry().accentedAccuracy());
            m.put("age_readout_logmel_6s_r", r.logMelAge().ageR().r());
        });
        conditions.forEach(c -> {
            String key = c.condition().key();
            m.put("recall_at_" + ORACLE_K + "_6s_" + key, c.recallAt10());
            c.attributes().ifPresent(a -> {
                m.put("sex_agreement_s2f_6s_" + key, a.sexAgreement());
                m.put("age_r_s2f_6s_" + key, a.ageVsTrueAge().r());
                m.put("ancestry_agreement_s2f_6s_" + key, a.ancestryAgreement());
            });
        });
        faceMeasures.ifPresent(f -> {
            f.measures().forEach(row -> {
                String k = row.measure().key();
                m.put("measure_r_" + k, row.f2fVsS2f().r());
                m.put("measure_p_" + k, row.f2fVsS2f().pValue());
                m.put("measure_random_r_" + k, row.randomPairs().r());
                m.put("measure_true_vs_f2f_r_" + k, row.trueVsF2f().r());
            });
            m.put("measure_r_mean", f.meanF2fVsS2f());
            m.put("measure_random_r_mean", f.meanRandomPairs());
        });
        m.values().removeIf(v -> !Double.isFinite(v));
        return m;
    }

    /** A markdown report with the paper's figures beside ours. */
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
        recallRow(md, "6 s", recallSix, clips);
        recallRow(md, "3 s", recallThree, clips);
        oracle.ifPresent(o -> {
            recallRow(md, "voice-trait oracle -> face feature (ceiling of this model)", o.faceFeature(), 0);
            recallRow(md, "voice-trait oracle -> exact face shape (ceiling of the population)", o.faceShape(), 0);
        });
        md.append("| chance");
        KS.forEach(k -> md.append(String.format(Locale.ROOT, " | %.2f", 100 * Retrieval.chance(k, gallerySize))));
        md.append(" |\n\n");
        oracleRatio().ifPresent(r -> md.append(String.format(Locale.ROOT,
                "R@%d from 6 s of speech is %.2f of the feature oracle's R@%d.%n%n", ORACLE_K, r, ORACLE_K)));
        oracle.ifPresent(o -> md.append(String.format(Locale.ROOT,
                "Voice-trait oracle -> age in years: r %.3f +- %.3f against the true age of the %d test identities.%n%n",
                o.age().r(), o.age().standardError(), o.age().n())));
        md.append("Paper (Table 3, 6 s, gallery 5,000 in 50-face groups): 10.92 / 17.00 / 30.60 / 45.82; chance K/50. "
                + "+- is the binomial standard error over the test clips (clips of one identity are not independent, "
                + "so it is somewhat optimistic).\n");
        oracle.ifPresent(o -> md.append(ORACLE_NOTE));
        md.append(String.format(Locale.ROOT, """

                ## The face stage keeps identity

                Each test face decoded from its own true feature v_f and re-encoded by the face encoder retrieves its
                true face among the %d test faces' features: R@1 %.1f +- %.1f %%, R@5 %.1f +- %.1f %% (chance %.2f /
                %.2f %%).
                """, gallerySize, 100 * faceIdentityRecall.get(1), 100 * faceIdentityStandardError(1),
                100 * faceIdentityRecall.get(5), 100 * faceIdentityStandardError(5), 100 * Retrieval.chance(1, gallerySize),
                100 * Retrieval.chance(5, gallerySize)));
        attributes.ifPresent(a -> md.append(a.toMarkdown()));
        callerAttributes.ifPresent(c -> md.append(c.markdown()));
        if (!conditions.isEmpty()) {
            conditions(md);
        }
        faceMeasures.ifPresent(f -> measures(md, f));
        sex.ifPresent(a -> md.append(String.format(Locale.ROOT, """

                ## Diagnostic: sex in the feature space (6 s audio)

                A logistic-regression classifier on the training identities' true face features (not images) is
                %.1f %% accurate on the true test faces' features; its verdict on the speech feature v_s agrees with
                its verdict on the true v_f for %.1f %% of test clips. High here but low on decoded images means sex
                is lost in the decoder, not in the voice encoder.
                """, 100 * a.classifierAccuracy(), 100 * a.featureAgreement())));
        speechReadouts.ifPresent(r -> {
            AncestryReadout f = r.featureAncestry();
            AncestryReadout l = r.logMelAncestry();
            md.append(String.format(Locale.ROOT, """

                    ## Diagnostic: ancestry and age in the speech itself (6 s audio)

                    Linear read-outs fitted on %d validation clips and scored on %d test clips (softmax regression for
                    the ancestry group, ridge regression for the age in years; penalties chosen on half of the
                    validation speakers), once on the speech feature v_s and once on log mel statistics of the same
                    clips (40 mel bands: mean, deviation and deviation of the frame-to-frame change; no learning), a
                    generic listener. Ancestry is carried in this world only by the accent of speakers with a group
                    accent; native speakers' voices carry none. Where the log mel statistics find more than v_s, the
                    voice encoder does not pass on what the clips let anyone hear; where v_s finds as much but the
                    decoded faces show less, the face stage loses it.

                    | read from | ancestry | speakers with a group accent | native speakers | age r | age MAE (years) |
                    |---|---|---|---|---|---|
                    | speech feature v_s | %.1f %% | %.1f %% | %.1f %% | %.3f +- %.3f | %.1f |
                    | log mel statistics | %.1f %% | %.1f %% | %.1f %% | %.3f +- %.3f | %.1f |
                    | always the largest group | %.1f %% | | | | |
                    """, f.validationClips(), f.testClips(),
                    100 * f.accuracy(), 100 * f.accentedAccuracy(), 100 * f.nativeAccuracy(),
                    r.featureAge().ageR().r(), r.featureAge().ageR().standardError(), r.featureAge().meanAbsoluteError(),
                    100 * l.accuracy(), 100 * l.accentedAccuracy(), 100 * l.nativeAccuracy(),
                    r.logMelAge().ageR().r(), r.logMelAge().ageR().standardError(), r.logMelAge().meanAbsoluteError(),
                    100 * f.majorityShare()));
        });
        return md.toString();
    }

    private void conditions(StringBuilder md) {
        md.append("""

                ## Speech heard through call channels (6 s)

                Each test clip encoded as a platform sends it and decoded by the stream processor's own front end
                (io.callface.audio.CallChannels): G.711 is the 300-3400 Hz band at 8 kHz, mu-law; Opus runs in VoIP
                mode at 16 kHz with 5 % of its 20 ms packets lost and skipped, as the stream skips lost audio; babble is
                six training voices at equal power, mixed at 10 dB SNR; the meeting room convolves the clip with a
                synthetic room impulse response (io.callface.audio.RoomImpulseResponse, Polack's model) of T60 0.6 s
                and 0 dB direct-to-reverberant ratio, a speakerphone across a table. Attributes of the decoded face are judged
                against the verdicts on the true faces; R@10 ranks the voice feature among the test faces' features.

                | condition | R@10 % | sex agreement % | age r (true age) | ancestry agreement % |
                |---|---|---|---|---|
                """);
        for (ConditionScores c : conditions) {
            md.append(String.format(Locale.ROOT, "| %s | %.1f +- %.1f", c.condition().label(), 100 * c.recallAt10(),
                    100 * c.recallStandardError()));
            md.append(c.attributes().map(a -> String.format(Locale.ROOT, " | %.1f +- %.1f | %.3f | %.1f |%n",
                    100 * a.sexAgreement(), 100 * a.sexAgreementStandardError(), a.ageVsTrueAge().r(),
                    100 * a.ancestryAgreement())).orElse(" | - | - | - |\n"));
        }
    }

    private static void measures(StringBuilder md, FaceMeasureCorrelations f) {
        md.append(String.format(Locale.ROOT, """

                ## Craniofacial measures (paper Figure 5)

                Measures from the decoder's landmarks (the stream processor's FaceMeasuresCalculator), one pair per
                test identity (%d): faces decoded from the true feature (F2F) against faces decoded from 6 s of the
                identity's first clip (S2F); random pairs: the same S2F faces against other identities' F2F faces
                (a fixed random derangement); true vs F2F: the true face's landmarks against F2F (the decoder's own
                fidelity). p: two-sided, Fisher's z.

                | measure | r F2F vs S2F | p | r random pairs | r true vs F2F | paper r |
                |---|---|---|---|---|---|
                """, f.pairs()));
        f.measures().forEach(r -> md.append(String.format(Locale.ROOT, "| %s | %.3f +- %.3f | %.2g | %.3f | %.3f | %s |%n",
                r.measure().name(), r.f2fVsS2f().r(), r.f2fVsS2f().standardError(), r.f2fVsS2f().pValue(),
                r.randomPairs().r(), r.trueVsF2f().r(),
                Double.isNaN(r.measure().paperR()) ? "-" : String.format(Locale.ROOT, "%.2f", r.measure().paperR()))));
        md.append(String.format(Locale.ROOT, "| **mean** | **%.3f** | | **%.3f** | | random pairs 0.02 |%n",
                f.meanF2fVsS2f(), f.meanRandomPairs()));
    }

    private static void put(Map<String, Double> m, String suffix, Similarity s, Map<Integer, Double> recall) {
        m.put("angle_deg_" + suffix, s.angleDegrees());
        m.put("angle_deg_std_" + suffix, s.angleStdDegrees());
        m.put("l1_" + suffix, s.l1());
        m.put("l2_" + suffix, s.l2());
        KS.forEach(k -> m.put("recall_at_" + k + "_" + suffix, recall.get(k)));
    }

    private void putErrors(Map<String, Double> m, String suffix, Map<Integer, Double> recall) {
        KS.forEach(k -> m.put("recall_se_at_" + k + "_" + suffix, recallStandardError(recall.get(k))));
    }

    private static void row(StringBuilder md, String label, Similarity s) {
        md.append(String.format(Locale.ROOT, "| %s | %.2f +- %.2f | %.4f | %.4f |%n", label, s.angleDegrees(),
                s.angleStdDegrees(), s.l1(), s.l2()));
    }

    /** A row of recalls in %, with binomial standard errors over {@code queries} when that is positive. */
    private static void recallRow(StringBuilder md, String label, Map<Integer, Double> recall, int queries) {
        md.append("| ").append(label);
        KS.forEach(k -> md.append(queries > 0
                ? String.format(Locale.ROOT, " | %.2f +- %.2f", 100 * recall.get(k),
                        100 * Retrieval.standardError(recall.get(k), queries))
                : String.format(Locale.ROOT, " | %.2f", 100 * recall.get(k))));
        md.append(" |\n");
    }
}
