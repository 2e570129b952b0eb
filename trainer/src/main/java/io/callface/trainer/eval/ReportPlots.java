package io.callface.trainer.eval;

import io.callface.trainer.train.EpochRecord;
import io.callface.trainer.train.TrainingLog;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The report's PNG figures: loss curves, recall-at-K curves and the Figure-3 face grid (headless AWT). */
public final class ReportPlots {
    public static final String LOSS_CURVES = "loss-curves.png";
    public static final String RECALL_CURVES = "recall-at-k.png";
    public static final String FACE_GRID = "faces.png";
    /** Size of one chart; the loss figure holds two side by side. */
    public static final int CHART_WIDTH = 640;
    public static final int CHART_HEIGHT = 420;
    /** Each face is drawn at this size in the grid. */
    public static final int CELL = 128;
    public static final int GRID_HEADER = 28;
    private static final String[] COLUMNS = {"true face", "from v_f", "from speech"};

    private ReportPlots() {
    }

    /** Two charts side by side: the face stage's loss, and the voice stage's objective and its f_dec L1 term. */
    public static void lossCurves(TrainingLog log, Path file) {
        XYChart face = chart("Face stage", "epoch", "mean loss");
        addSeries(face, "face loss", log.stage(EpochRecord.FACE), false);
        XYChart voice = chart("Voice stage", "epoch", "mean loss");
        addSeries(voice, "objective", log.stage(EpochRecord.VOICE), false);
        addSeries(voice, "|f_dec(v_f) - f_dec(v_s)|_1", log.stage(EpochRecord.VOICE), true);
        save(List.of(face, voice), 1, 2, file);
    }

    /** The loss ablation: the voice stage's f_dec L1 term per epoch under the full loss and under plain L1. */
    public static void ablationCurve(TrainingLog full, TrainingLog l1, Path file) {
        XYChart chart = chart("Voice stage: |f_dec(v_f) - f_dec(v_s)|_1 per epoch", "epoch", "mean");
        addSeries(chart, "full loss", full.stage(EpochRecord.VOICE), true);
        addSeries(chart, "plain L1", l1.stage(EpochRecord.VOICE), true);
        save(List.of(chart), 1, 1, file);
    }

    /** Recall at K for 6 s and 3 s audio against chance, K = 1 .. curve length. */
    public static void recallCurves(EvaluationReport report, Path file) {
        XYChart chart = chart("Speech-to-face retrieval, gallery " + report.gallerySize(), "K", "recall at K");
        List<Integer> ks = IntStream.rangeClosed(1, report.curveSix().size()).boxed().toList();
        chart.addSeries("6 s", ks, report.curveSix()).setMarker(SeriesMarkers.NONE);
        chart.addSeries("3 s", ks, report.curveThree()).setMarker(SeriesMarkers.NONE);
        chart.addSeries("chance", ks, ks.stream().map(k -> Retrieval.chance(k, report.gallerySize())).toList())
                .setMarker(SeriesMarkers.NONE);
        save(List.of(chart), 1, 1, file);
    }

    /** Width of a face grid image. */
    public static int gridWidth() {
        return COLUMNS.length * CELL;
    }

    /** Height of a face grid with {@code rows} identities. */
    public static int gridHeight(int rows) {
        return GRID_HEADER + rows * CELL;
    }

    /** The paper's Figure 3: per test identity, true face | decoded from v_f | decoded from speech. */
    public static void faceGrid(List<FaceExample> examples, Path file) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("face grid needs at least one example");
        }
        BufferedImage grid = new BufferedImage(gridWidth(), gridHeight(examples.size()), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = grid.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, grid.getWidth(), grid.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int c = 0; c < COLUMNS.length; c++) {
            g.drawString(COLUMNS[c], c * CELL + 6, GRID_HEADER - 9);
        }
        for (int r = 0; r < examples.size(); r++) {
            FaceExample e = examples.get(r);
            BufferedImage[] row = {e.truth(), e.fromFaceFeature(), e.fromSpeech()};
            for (int c = 0; c < row.length; c++) {
                g.drawImage(row[c], c * CELL, GRID_HEADER + r * CELL, CELL, CELL, null);
            }
        }
        g.dispose();
        try {
            ImageIO.write(grid, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static XYChart chart(String title, String x, String y) {
        XYChart chart = new XYChartBuilder().width(CHART_WIDTH).height(CHART_HEIGHT).title(title).xAxisTitle(x)
                .yAxisTitle(y).build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        return chart;
    }

    private static void addSeries(XYChart chart, String name, List<EpochRecord> rows, boolean fDecL1) {
        if (rows.isEmpty()) {
            return;
        }
        List<Integer> epochs = rows.stream().map(EpochRecord::epoch).toList();
        List<Double> values = new ArrayList<>();
        rows.forEach(r -> values.add(fDecL1 ? r.meanFDecL1() : r.meanLoss()));
        chart.addSeries(name, epochs, values);
    }

    private static void save(List<XYChart> charts, int rows, int columns, Path file) {
        try {
            BitmapEncoder.saveBitmap(charts, rows, columns, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
