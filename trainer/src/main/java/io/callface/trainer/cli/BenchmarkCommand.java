package io.callface.trainer.cli;

import io.callface.trainer.eval.EvaluationReport;
import io.callface.trainer.eval.Evaluator;
import io.callface.trainer.eval.ReportPlots;
import io.callface.trainer.eval.ReportWriter;
import io.callface.trainer.eval.Retrieval;
import io.callface.trainer.nn.Preset;
import io.callface.trainer.onnx.ModelDirectory;
import io.callface.trainer.synth.CorpusManifest;
import io.callface.trainer.synth.CorpusSpec;
import io.callface.trainer.synth.SyntheticCorpus;
import io.callface.trainer.train.EpochRecord;
import io.callface.trainer.train.ProgressReporter;
import io.callface.trainer.train.TrainingLog;
import io.callface.trainer.train.TrainingOptions;
import io.callface.trainer.train.TrainingPipeline;
import io.callface.trainer.train.VoiceLoss;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code benchmark}: the headline figure and the paper's loss ablation in one command. Synthesises the
 * default corpus, trains twice with the same seed and epochs (full loss, plain L1; the face stage is the same
 * in both), evaluates both on the test split and prints a Markdown table with wall and process CPU time per
 * phase and the load average at start and end ({@value #RESULT_FILE} in {@code --out}). The budget check is
 * on the whole command: synthesis, both trainings and both evaluations.
 */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = "Synthesise the default corpus, train full loss and plain-L1 (ablation) with the same budget, "
                + "evaluate both and print a Markdown table with wall and CPU time.")
public final class BenchmarkCommand implements Callable<Integer> {
    /** The Markdown result written into {@code --out}. */
    public static final String RESULT_FILE = "benchmark.md";
    /** Face-stage epochs of the 30-minute budget (small preset, default corpus). */
    public static final int DEFAULT_FACE_EPOCHS = 12;
    /** Voice-stage epochs per loss of the 30-minute budget. */
    public static final int DEFAULT_VOICE_EPOCHS = 4;
    /** The ablation figure beside {@value #RESULT_FILE}. */
    public static final String ABLATION_PLOT = "ablation-fdec-l1.png";
    /** Face-stage batch of the benchmark: more faces per second than the preset's 8 on a CPU. */
    public static final int DEFAULT_FACE_BATCH = 32;
    /** The bar: recall@10 at least this many times chance. */
    static final double CHANCE_FACTOR = 3;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Work directory (corpus, checkpoints, models, reports).")
    Path out;

    @Option(names = "--preset", defaultValue = Preset.SMALL, description = "Preset (default: ${DEFAULT-VALUE}).")
    String preset;

    @Option(names = "--identities", defaultValue = "" + CorpusSpec.DEFAULT_IDENTITIES,
            description = "Identities of the synthetic corpus (default: ${DEFAULT-VALUE}, the synth default).")
    int identities;

    @Option(names = "--face-epochs", defaultValue = "" + DEFAULT_FACE_EPOCHS, description = "Face-stage epochs (default: ${DEFAULT-VALUE}).")
    int faceEpochs;

    @Option(names = "--epochs", defaultValue = "" + DEFAULT_VOICE_EPOCHS, description = "Voice-stage epochs per loss (default: ${DEFAULT-VALUE}).")
    int voiceEpochs;

    @Option(names = "--face-batch-size", defaultValue = "" + DEFAULT_FACE_BATCH,
            description = "Face-stage batch (default: ${DEFAULT-VALUE}).")
    int faceBatchSize;

    @Option(names = "--threads", defaultValue = "2", description = "PyTorch CPU threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--seed", defaultValue = "42", description = "Training seed (default: ${DEFAULT-VALUE}).")
    long seed;

    private final List<Phase> phases = new ArrayList<>();

    /** Wall-clock and process CPU seconds of one step of the benchmark. */
    record Phase(String name, double wallSeconds, double cpuSeconds) {
    }

    @Override
    public Integer call() {
        CorpusSpec corpusSpec;
        Preset chosen;
        TrainingOptions full;
        try {
            corpusSpec = CorpusSpec.defaults().withIdentities(identities);
            chosen = Preset.named(preset);
            full = TrainingOptions.defaults(chosen).withSeed(seed).withThreads(threads).withFaceEpochs(faceEpochs)
                    .withVoiceEpochs(voiceEpochs).withFaceBatchSize(faceBatchSize);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        String loadStart = loadAverage();
        Path corpusDir = out.resolve("corpus");
        timed("synth (" + identities + " identities)", () -> {
            try {
                new SyntheticCorpus(corpusSpec).write(corpusDir, done -> { });
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write corpus " + corpusDir, e);
            }
            return null;
        });
        CorpusManifest corpus = CorpusLoader.load(corpusDir, spec.commandLine().getErr());
        TrainingPipeline pipeline = new TrainingPipeline(ProgressReporter.toStderr());
        ModelDirectory fullModel = timed("train full loss (face stage + voice stage)", () -> pipeline.train(corpus,
                chosen, out.resolve("model-full"), full));
        ModelDirectory l1Model = timed("train plain L1 (face stage + voice stage)", () -> pipeline.train(corpus,
                chosen, out.resolve("model-l1"), full.withVoiceLoss(VoiceLoss.L1)));
        EvaluationReport fullReport = timed("evaluate full", () -> evaluate(corpus, fullModel));
        EvaluationReport l1Report = timed("evaluate l1", () -> evaluate(corpus, l1Model));
        ReportPlots.ablationCurve(TrainingLog.read(fullModel.path()), TrainingLog.read(l1Model.path()),
                out.resolve(ABLATION_PLOT));
        String markdown = markdown(chosen, fullReport, l1Report, loadStart, loadAverage());
        try {
            Files.writeString(out.resolve(RESULT_FILE), markdown);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out.resolve(RESULT_FILE), e);
        }
        System.out.print(markdown);
        return 0;
    }

    private EvaluationReport evaluate(CorpusManifest corpus, ModelDirectory model) {
        EvaluationReport report = Evaluator.evaluate(corpus, model);
        model.withMetrics(report.metrics());
        ReportWriter.write(report, model.manifest().preset(), Optional.of(TrainingLog.read(model.path())), model.path());
        return report;
    }

    private String markdown(Preset chosen, EvaluationReport full, EvaluationReport l1, String loadStart, String loadEnd) {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "# callface trainer benchmark: preset %s, %d identities, %d face epochs, "
                + "%d voice epochs per loss, face batch %d, %d threads%n%n", chosen.name(), identities, faceEpochs, voiceEpochs,
                faceBatchSize, threads));
        md.append(String.format(Locale.ROOT, "Test split: %d clips, gallery of %d held-out identities.%n%n",
                full.clips(), full.gallerySize()));
        md.append("| voice loss | R@1 6 s | R@2 6 s | R@5 6 s | R@10 6 s | R@10 3 s | chance R@10 | angle 6 s (deg) | "
                + "angle 3 s (deg) | sex agreement (feature / reconstruction) |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|\n");
        row(md, "full (paper)", full);
        row(md, "plain L1 (ablation)", l1);
        double chance10 = Retrieval.chance(10, full.gallerySize());
        full.oracle().ifPresent(o -> md.append(String.format(Locale.ROOT, "%nCeilings (voice-trait oracles, see "
                + "report.md): R@10 %.1f %% predicting this model's face feature, %.1f %% predicting the exact face shape."
                + "%n", 100 * o.faceFeature().get(10), 100 * o.faceShape().get(10))));
        md.append("\nChecks (issue #6):\n\n");
        check(md, String.format(Locale.ROOT, "full loss: recall@10 (6 s) %.1f %% >= %.0f x chance (%.1f %%)",
                100 * full.recallSix().get(10), CHANCE_FACTOR, 100 * CHANCE_FACTOR * chance10),
                full.recallSix().get(10) >= CHANCE_FACTOR * chance10);
        check(md, "gallery >= 200 held-out identities (" + full.gallerySize() + ")", full.gallerySize() >= 200);
        check(md, String.format(Locale.ROOT, "6 s better than 3 s: R@10 %.1f vs %.1f %%, angle %.2f vs %.2f deg",
                100 * full.recallSix().get(10), 100 * full.recallThree().get(10), full.sixSeconds().angleDegrees(),
                full.threeSeconds().angleDegrees()),
                full.recallSix().get(10) > full.recallThree().get(10)
                        && full.sixSeconds().angleDegrees() < full.threeSeconds().angleDegrees());
        check(md, String.format(Locale.ROOT, "full loss beats plain L1: R@10 %.1f vs %.1f %%, angle %.2f vs %.2f deg",
                100 * full.recallSix().get(10), 100 * l1.recallSix().get(10), full.sixSeconds().angleDegrees(),
                l1.sixSeconds().angleDegrees()), full.recallSix().get(10) > l1.recallSix().get(10));
        double wall = phases.stream().mapToDouble(Phase::wallSeconds).sum();
        double cpu = phases.stream().mapToDouble(Phase::cpuSeconds).sum();
        check(md, String.format(Locale.ROOT, "whole benchmark within 30 min on 2 cores: %.0f CPU s <= 3600 "
                + "(wall %.0f s; on a shared machine CPU seconds are the fair measure)", cpu, wall), cpu <= 3600);
        md.append("\n| phase | wall s | process CPU s |\n|---|---|---|\n");
        phases.forEach(p -> md.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f |%n", p.name(), p.wallSeconds(),
                p.cpuSeconds())));
        md.append(String.format(Locale.ROOT, "| **total** | **%.0f** | **%.0f** |%n", wall, cpu));
        Map<String, Double> throughput = new LinkedHashMap<>(TrainingLog.read(out.resolve("model-full")).metrics());
        md.append(String.format(Locale.ROOT, "%nTraining throughput (full run): face stage %.1f faces/s, voice stage "
                + "%.1f clips/s.%n", throughput.getOrDefault("train_face_samples_per_s", 0.0),
                throughput.getOrDefault("train_voice_samples_per_s", 0.0)));
        md.append("\nLoad average (1/5/15 min) at start: ").append(loadStart).append("; at end: ").append(loadEnd)
                .append(".\n\nReports with figures: `model-full/report.md`, `model-l1/report.md`; ablation curve: `")
                .append(ABLATION_PLOT).append("`.\n");
        return md.toString();
    }

    private static void row(StringBuilder md, String label, EvaluationReport r) {
        md.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.2f | %.2f | %s |%n",
                label, 100 * r.recallSix().get(1), 100 * r.recallSix().get(2), 100 * r.recallSix().get(5),
                100 * r.recallSix().get(10), 100 * r.recallThree().get(10), 100 * Retrieval.chance(10, r.gallerySize()),
                r.sixSeconds().angleDegrees(), r.threeSeconds().angleDegrees(),
                r.sex().map(s -> String.format(Locale.ROOT, "%.1f / %.1f %% (classifier %.1f %%)",
                        100 * s.featureAgreement(), 100 * s.reconstructionAgreement(), 100 * s.classifierAccuracy()))
                        .orElse("n/a")));
    }

    private static void check(StringBuilder md, String text, boolean passed) {
        md.append("- ").append(passed ? "PASS" : "FAIL").append(": ").append(text).append('\n');
    }

    private <T> T timed(String name, Supplier<T> work) {
        long wall = System.nanoTime();
        long cpu = processCpuNanos();
        T result = work.get();
        phases.add(new Phase(name, (System.nanoTime() - wall) / 1e9, (processCpuNanos() - cpu) / 1e9));
        return result;
    }

    /** CPU time of this process, all threads (PyTorch's native ones included). */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }
}
