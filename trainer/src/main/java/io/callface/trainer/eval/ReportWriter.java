package io.callface.trainer.eval;

import io.callface.trainer.train.TrainingLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Writes an evaluation as {@value #REPORT_FILE} with its PNG figures beside it. */
public final class ReportWriter {
    /** Name of the markdown report. */
    public static final String REPORT_FILE = "report.md";

    private ReportWriter() {
    }

    /**
     * Writes {@value #REPORT_FILE}, {@value ReportPlots#RECALL_CURVES}, {@value ReportPlots#FACE_GRID}, the confusion
     * matrices of each {@link FaceSource} and {@value ReportPlots#FACE_MEASURES} when the report has them and, when
     * the model's training log is given, {@value ReportPlots#LOSS_CURVES} into {@code dir}; returns the markdown.
     */
    public static String write(EvaluationReport report, String preset, Optional<TrainingLog> log, Path dir) {
        StringBuilder md = new StringBuilder(report.toMarkdown(preset));
        try {
            Files.createDirectories(dir);
            md.append("\n## Figures\n\n");
            log.filter(l -> !l.records().isEmpty()).ifPresent(l -> {
                ReportPlots.lossCurves(l, dir.resolve(ReportPlots.LOSS_CURVES));
                md.append("Loss per epoch (from the model's training log):\n\n![loss curves](")
                        .append(ReportPlots.LOSS_CURVES).append(")\n\n");
            });
            ReportPlots.recallCurves(report, dir.resolve(ReportPlots.RECALL_CURVES));
            md.append("Recall at K, 6 s and 3 s audio, against chance:\n\n![recall at K](")
                    .append(ReportPlots.RECALL_CURVES).append(")\n\n");
            report.attributes().ifPresent(a -> {
                md.append("Confusion matrices (paper Figure 4): rows are the verdict on the true face (the true trait "
                        + "for the true faces), columns the verdict on the face named:\n\n");
                for (FaceSource source : FaceSource.values()) {
                    ReportPlots.confusionMatrices(source, a.of(source), dir.resolve(source.confusionFile()));
                    md.append("![").append(source.label()).append("](").append(source.confusionFile()).append(")\n\n");
                }
            });
            report.faceMeasures().ifPresent(f -> {
                ReportPlots.faceMeasures(f, dir.resolve(ReportPlots.FACE_MEASURES));
                md.append("Craniofacial measures, F2F vs S2F against random pairs (paper Figure 5):\n\n![face measures](")
                        .append(ReportPlots.FACE_MEASURES).append(")\n\n");
            });
            if (!report.examples().isEmpty()) {
                ReportPlots.faceGrid(report.examples(), dir.resolve(ReportPlots.FACE_GRID));
                md.append("Test identities (as the paper's Figure 3), at the decoder's resolution: true face | decoded "
                        + "from the true face feature | decoded from 6 s of speech:\n\n![faces](")
                        .append(ReportPlots.FACE_GRID).append(")\n");
            }
            Files.writeString(dir.resolve(REPORT_FILE), md);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report into " + dir, e);
        }
        return md.toString();
    }
}
