package io.callface.trainer.eval;

import io.callface.trainer.train.EpochRecord;
import io.callface.trainer.train.TrainingLog;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The report's PNG figures (headless AWT): loss curves, recall-at-K curves, the Figure-3 face grid at the model's
 * resolution, the Figure-4 confusion matrices and the Figure-5 measure correlations.
 */
public final class ReportPlots {
    public static final String LOSS_CURVES = "loss-curves.png";
    public static final String RECALL_CURVES = "recall-at-k.png";
    public static final String FACE_GRID = "faces.png";
    public static final String FACE_MEASURES = "face-measures.png";
    /** Size of one chart; the loss figure holds two side by side. */
    public static final int CHART_WIDTH = 640;
    public static final int CHART_HEIGHT = 420;
    public static final int GRID_HEADER = 28;
    /** One cell of a confusion matrix, and the space for its labels. */
    public static final int MATRIX_CELL = 56;
    public static final int MATRIX_MARGIN = 100;
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

    /** Width of a face grid of faces {@code cell} pixels wide. */
    public static int gridWidth(int cell) {
        return COLUMNS.length * cell;
    }

    /** Height of a face grid with {@code rows} identities of faces {@code cell} pixels high. */
    public static int gridHeight(int rows, int cell) {
        return GRID_HEADER + rows * cell;
    }

    /**
     * The paper's Figure 3: per test identity, true face | decoded from v_f | decoded from speech, each at its own
     * resolution (the first example's width; no rescaling, so the grid shows what the decoder draws).
     */
    public static void faceGrid(List<FaceExample> examples, Path file) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("face grid needs at least one example");
        }
        int cell = examples.get(0).truth().getWidth();
        BufferedImage grid = new BufferedImage(gridWidth(cell), gridHeight(examples.size(), cell),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(grid);
        for (int c = 0; c < COLUMNS.length; c++) {
            g.drawString(COLUMNS[c], c * cell + 6, GRID_HEADER - 9);
        }
        for (int r = 0; r < examples.size(); r++) {
            FaceExample e = examples.get(r);
            BufferedImage[] row = {e.truth(), e.fromFaceFeature(), e.fromSpeech()};
            for (int c = 0; c < row.length; c++) {
                g.drawImage(row[c], c * cell, GRID_HEADER + r * cell, cell, cell, null);
            }
        }
        g.dispose();
        write(grid, file);
    }

    /** Width of a row of confusion matrices of {@code sizes} classes each. */
    public static int confusionWidth(List<Integer> sizes) {
        return sizes.stream().mapToInt(k -> MATRIX_MARGIN + k * MATRIX_CELL + 20).sum();
    }

    /** Height of a row of confusion matrices, the largest with {@code maxSize} classes. */
    public static int confusionHeight(int maxSize) {
        return GRID_HEADER + MATRIX_MARGIN + maxSize * MATRIX_CELL + 10;
    }

    /**
     * The paper's Figure 4 for one face source: the sex, age-group and ancestry confusion matrices side by side,
     * rows the reference ({@link FaceSource#rowsAre()}), columns the verdict on the face under test; each cell
     * shows its count and is shaded by its share of the row.
     */
    public static void confusionMatrices(FaceSource source, AttributeScores scores, Path file) {
        List<ConfusionMatrix> matrices = List.of(scores.sex(), scores.age(), scores.ancestry());
        String[] names = {"sex", "age group", "ancestry"};
        int maxSize = matrices.stream().mapToInt(ConfusionMatrix::size).max().orElseThrow();
        BufferedImage image = new BufferedImage(confusionWidth(matrices.stream().map(ConfusionMatrix::size).toList()),
                confusionHeight(maxSize), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(image);
        g.drawString(source.label() + " (rows: " + source.rowsAre() + "; columns: judged on these faces)", 6,
                GRID_HEADER - 9);
        int left = 0;
        for (int m = 0; m < matrices.size(); m++) {
            ConfusionMatrix matrix = matrices.get(m);
            int x0 = left + MATRIX_MARGIN;
            int y0 = GRID_HEADER + MATRIX_MARGIN;
            g.setColor(Color.BLACK);
            g.drawString(String.format(Locale.ROOT, "%s: %.1f %% agree", names[m], 100 * matrix.agreement()),
                    left + 6, GRID_HEADER + 14);
            for (int r = 0; r < matrix.size(); r++) {
                int rowTotal = matrix.rowTotal(r);
                g.setColor(Color.BLACK);
                g.drawString(matrix.labels().get(r), left + 6, y0 + r * MATRIX_CELL + MATRIX_CELL / 2 + 4);
                for (int c = 0; c < matrix.size(); c++) {
                    double share = rowTotal == 0 ? 0 : (double) matrix.count(r, c) / rowTotal;
                    int shade = (int) Math.round(255 * (1 - share));
                    g.setColor(new Color(shade, shade, 255));
                    g.fillRect(x0 + c * MATRIX_CELL, y0 + r * MATRIX_CELL, MATRIX_CELL, MATRIX_CELL);
                    g.setColor(share > 0.5 ? Color.WHITE : Color.BLACK);
                    g.drawString(Integer.toString(matrix.count(r, c)), x0 + c * MATRIX_CELL + 8,
                            y0 + r * MATRIX_CELL + MATRIX_CELL / 2 + 4);
                }
            }
            g.setColor(Color.BLACK);
            for (int c = 0; c < matrix.size(); c++) {
                drawVertical(g, matrix.labels().get(c), x0 + c * MATRIX_CELL + MATRIX_CELL / 2 + 4, y0 - 6);
            }
            g.drawRect(x0, y0, matrix.size() * MATRIX_CELL, matrix.size() * MATRIX_CELL);
            left += MATRIX_MARGIN + matrix.size() * MATRIX_CELL + 20;
        }
        g.dispose();
        write(image, file);
    }

    /** The paper's Figure 5: r per measure, F2F vs S2F beside the random-pairs baseline. */
    public static void faceMeasures(FaceMeasureCorrelations correlations, Path file) {
        CategoryChart chart = new CategoryChartBuilder().width(CHART_WIDTH * 3 / 2).height(CHART_HEIGHT)
                .title("Craniofacial measures: Pearson r over " + correlations.pairs() + " test identities")
                .xAxisTitle("measure").yAxisTitle("r").build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setXAxisLabelRotation(30);
        List<String> names = correlations.measures().stream().map(r -> r.measure().name()).toList();
        chart.addSeries("F2F vs S2F", names, correlations.measures().stream().map(r -> r.f2fVsS2f().r()).toList());
        chart.addSeries("random pairs", names,
                correlations.measures().stream().map(r -> r.randomPairs().r()).toList());
        try {
            BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static Graphics2D canvas(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        return g;
    }

    /** Text from {@code (x, bottom)} upwards, for column labels. */
    private static void drawVertical(Graphics2D g, String text, int x, int bottom) {
        AffineTransform saved = g.getTransform();
        g.rotate(-Math.PI / 2, x, bottom);
        g.drawString(text, x, bottom);
        g.setTransform(saved);
    }

    private static void write(BufferedImage image, Path file) {
        try {
            ImageIO.write(image, "png", file.toFile());
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
