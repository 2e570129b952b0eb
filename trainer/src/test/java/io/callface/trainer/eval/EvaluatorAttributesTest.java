package io.callface.trainer.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callface.trainer.nn.Preset;
import io.callface.trainer.onnx.ModelDirectory;
import io.callface.trainer.synth.Ancestry;
import io.callface.trainer.synth.CorpusClip;
import io.callface.trainer.synth.CorpusManifest;
import io.callface.trainer.synth.CorpusSpec;
import io.callface.trainer.synth.Split;
import io.callface.trainer.synth.SyntheticCorpus;
import io.callface.trainer.train.ProgressReporter;
import io.callface.trainer.train.TrainingOptions;
import io.callface.trainer.train.TrainingPipeline;
import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The attribute evaluation end to end: a tiny synthetic corpus with renderings, a tiny model, the real ONNX files. */
class EvaluatorAttributesTest {
    private static final int IDENTITIES = 40;
    /** People outside the corpus whose faces only the classifiers learn from. */
    private static final int JUDGES = 10;

    @TempDir
    static Path tmp;
    private static CorpusManifest corpus;
    private static ModelDirectory model;
    private static EvaluationReport report;

    @BeforeAll
    static void trainAndEvaluate() throws IOException {
        CorpusSpec defaults = CorpusSpec.defaults();
        CorpusSpec spec = new CorpusSpec(IDENTITIES, 1, 2.0, 3, defaults.faceSize(), 0.1, 0.25,
                CorpusSpec.DEFAULT_RENDERINGS, JUDGES);
        Path dir = tmp.resolve("corpus");
        new SyntheticCorpus(spec).write(dir, done -> { });
        addMirroredRenderings(CorpusManifest.read(dir));
        corpus = CorpusManifest.read(dir);
        Preset tiny = Preset.tiny();
        ProgressReporter quiet = new ProgressReporter(new PrintStream(new ByteArrayOutputStream(), true), System::nanoTime);
        model = new TrainingPipeline(quiet).train(corpus, tiny, tmp.resolve("model"),
                TrainingOptions.defaults(tiny).withFaceEpochs(4).withVoiceEpochs(1).withSeed(3));
        report = Evaluator.evaluate(corpus, model);
    }

    @Test
    void everyFaceSourceIsJudgedOncePerFace() {
        int testIdentities = corpus.identityIds(Split.TEST).size();
        int testClips = corpus.clips(Split.TEST).size();
        AttributeEvaluation a = report.attributes().orElseThrow();

        assertThat(a.of(FaceSource.TRUE).samples()).isEqualTo(testIdentities);
        assertThat(a.of(FaceSource.FROM_FACE_FEATURE).samples()).isEqualTo(testIdentities);
        assertThat(a.of(FaceSource.FROM_SPEECH_6S).samples()).isEqualTo(testClips);
        assertThat(a.of(FaceSource.FROM_SPEECH_3S).samples()).isEqualTo(testClips);
        assertThat(a.of(FaceSource.FROM_LOG_MEL_6S).samples()).isEqualTo(testClips);
        assertThat(a.of(FaceSource.FROM_TRAIT_ORACLE).samples()).isEqualTo(testIdentities);
        for (AttributeScores s : a.scores().values()) {
            assertThat(List.of(s.sex().total(), s.age().total(), s.ancestry().total())).containsOnly(s.samples());
        }
        // On the true faces the reference is the truth, so agreement and accuracy are one figure.
        AttributeScores truth = a.of(FaceSource.TRUE);
        assertThat(truth.sexAgreement()).isEqualTo(truth.sexAccuracy());
        assertThat(truth.ancestryAgreement()).isEqualTo(truth.ancestryAccuracy());
    }

    @Test
    void speechIsAlsoHeardThroughEveryCallChannel() {
        int testClips = corpus.clips(Split.TEST).size();

        assertThat(report.conditions()).extracting(ConditionScores::condition).containsExactly(CallCondition.values());
        for (ConditionScores c : report.conditions()) {
            assertThat(c.clips()).isEqualTo(testClips);
            assertThat(c.attributes().orElseThrow().samples()).isEqualTo(testClips);
            assertThat(c.recallAt10()).isBetween(0.0, 1.0);
        }
        // The clean channel is the main evaluation's 6 s path, so it must score exactly the same.
        ConditionScores clean = report.conditions().get(0);
        assertThat(clean.recallAt10()).isEqualTo(report.recallSix().get(10));
        assertThat(clean.attributes().orElseThrow().sexAgreement())
                .isEqualTo(report.attributes().orElseThrow().of(FaceSource.FROM_SPEECH_6S).sexAgreement());
        assertThat(report.metrics()).containsKeys("recall_at_10_6s_g711_8k", "sex_agreement_s2f_6s_opus_16k_loss5",
                "age_r_s2f_6s_babble_10db", "sex_agreement_s2f_6s_room_t60_06", "ancestry_agreement_s2f_6s_clean",
                "ancestry_readout_feature_6s", "age_readout_feature_6s_r", "ancestry_readout_logmel_6s",
                "age_readout_logmel_6s_r");
        assertThat(report.toMarkdown("tiny")).contains("## Speech heard through call channels", "| G.711 mu-law 8 kHz |",
                "| meeting room, T60 0.6 s, DRR 0 dB |",
                "## Diagnostic: ancestry and age in the speech itself", "| log mel statistics |");
    }

    @Test
    void theAttributeHeadsStateEveryTestClipsAttributes() {
        AttributeCalibration c = report.callerAttributes().orElseThrow();
        assertThat(c.clips()).isEqualTo(corpus.clips(Split.TEST).size());
        assertThat(c.identities()).isEqualTo(corpus.identityIds(Split.TEST).size());
        for (ReliabilityTable t : List.of(c.sex(), c.facialHair(), c.hairLength(), c.faceShape())) {
            assertThat(t.bins().stream().mapToInt(ReliabilityTable.Bin::count).sum()).isEqualTo(c.clips());
            assertThat(t.ece()).isBetween(0.0, 1.0);
        }
        assertThat(c.oracleAgeMae()).isPresent();
        assertThat(report.metrics()).containsKeys("attribute_sex_ece", "attribute_age_mae", "oracle_age_mae",
                "attribute_skin_ita_mae");
        assertThat(report.toMarkdown("tiny")).contains("## Caller attributes from 6 s of speech",
                "Reliability, P(male)");
    }

    @Test
    void theClassifiersAreFittedOnTheCanonicalFacesAndEveryRenderingOfTheTrainingIdentitiesAndJudges() {
        List<String> train = corpus.identityIds(Split.TRAIN);
        int expected = train.size() + train.stream().mapToInt(id -> corpus.renderings(id).size()).sum()
                + JUDGES * (1 + CorpusSpec.DEFAULT_RENDERINGS);

        assertThat(train.stream().allMatch(id -> !corpus.renderings(id).isEmpty())).isTrue();
        assertThat(report.attributes().orElseThrow().trainingImages()).isEqualTo(expected);
    }

    @Test
    void classifiersFittedOnceGiveTheSameFiguresAsTheEvaluatorsOwn() {
        AttributeClassifiers shared = AttributeClassifiers.fit(corpus, model.manifest().imageHeight()).orElseThrow();

        EvaluationReport again = Evaluator.evaluate(corpus, model, Optional.of(shared));

        assertThat(again.attributes().orElseThrow().metrics()).isEqualTo(report.attributes().orElseThrow().metrics());
        float[] dark = new float[3 * 32 * 32];
        float[] light = new float[3 * 32 * 32];
        Arrays.fill(light, 1);
        AttributeClassifiers wrongSize = AttributeClassifiers.fit(List.of(dark, light), List.of(
                new AttributeJudgement(0, 40, Ancestry.AFRICAN), new AttributeJudgement(1, 50, Ancestry.EUROPEAN)), 32);
        assertThatThrownBy(() -> Evaluator.evaluate(corpus, model, Optional.of(wrongSize)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 px");
    }

    @Test
    void faceMeasuresIdentityRecallAndExamplesCoverTheTestIdentities() {
        int testIdentities = corpus.identityIds(Split.TEST).size();

        assertThat(report.faceMeasures().orElseThrow().pairs()).isEqualTo(testIdentities);
        assertThat(report.faceIdentityRecall().get(1)).isBetween(0.0, 1.0);
        assertThat(report.faceIdentityRecall().get(10)).isEqualTo(1.0);
        assertThat(report.examples()).hasSize(Math.min(Evaluator.EXAMPLES, testIdentities));
        assertThat(report.examples().get(0).fromSpeech().getWidth()).isEqualTo(model.manifest().imageWidth());
    }

    @Test
    void theReportCarriesEveryFigureAndMetric() throws IOException {
        Path dir = tmp.resolve("report");

        String md = ReportWriter.write(report, "tiny", Optional.empty(), dir);

        assertThat(md).contains("Attributes judged on the faces", "| balanced (mean over groups) | |",
                "paper Figure 5", "The face stage keeps identity",
                "random pairs", FaceSource.FROM_SPEECH_6S.confusionFile(), ReportPlots.FACE_MEASURES);
        for (FaceSource source : FaceSource.values()) {
            assertThat(dir.resolve(source.confusionFile())).isRegularFile();
        }
        assertThat(dir.resolve(ReportPlots.FACE_MEASURES)).isRegularFile();
        Map<String, Double> metrics = report.metrics();
        assertThat(metrics).containsKeys("sex_accuracy_true", "sex_agreement_s2f_6s", "sex_agreement_se_s2f_6s",
                "age_r_s2f_6s", "age_mae_s2f_3s", "ancestry_agreement_f2f", "ancestry_balanced_agreement_s2f_6s",
                "face_identity_recall_at_1",
                "measure_r_nasal_index", "measure_random_r_mean", "recall_se_at_10_6s", "attribute_training_images");
        assertThat(metrics.values()).allMatch(Double::isFinite);
    }

    /** A mirrored copy of each training face, listed in renderings.csv (appended to the world's own, if any). */
    private static void addMirroredRenderings(CorpusManifest manifest) throws IOException {
        Path dir = manifest.dir();
        Path csv = dir.resolve(SyntheticCorpus.RENDERINGS);
        List<String> rows = new ArrayList<>();
        if (!Files.exists(csv)) {
            rows.add(SyntheticCorpus.RENDERINGS_HEADER);
        }
        for (String id : manifest.identityIds(Split.TRAIN)) {
            CorpusClip clip = manifest.clips(Split.TRAIN).stream().filter(c -> c.identity().equals(id)).findFirst()
                    .orElseThrow();
            Path face = clip.face();
            BufferedImage image = ImageIO.read(face.toFile());
            AffineTransform mirror = new AffineTransform(-1, 0, 0, 1, image.getWidth(), 0);
            BufferedImage mirrored = new AffineTransformOp(mirror, AffineTransformOp.TYPE_NEAREST_NEIGHBOR).filter(image, null);
            String name = SyntheticCorpus.FACES_DIR + "/" + id + "_mirrored";
            ImageIO.write(mirrored, "png", dir.resolve(name + ".png").toFile());
            Files.copy(clip.landmarks(), dir.resolve(name + SyntheticCorpus.LANDMARKS_SUFFIX));
            rows.add(id + "," + name + ".png");
        }
        Files.write(csv, rows, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
