package io.callface.trainer.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.callface.trainer.train.EpochRecord;
import io.callface.trainer.train.TrainingLog;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportPlotsTest {
    private static final int FACE = 64;
    @TempDir
    Path tmp;

    @Test
    void lossCurvesAreTwoChartsSideBySide() throws IOException {
        TrainingLog log = new TrainingLog();
        for (int e = 1; e <= 5; e++) {
            log.add(new EpochRecord(EpochRecord.FACE, e, 2, 10, 1.0, 10.0 / e, Double.NaN));
        }
        for (int e = 1; e <= 3; e++) {
            log.add(new EpochRecord(EpochRecord.VOICE, e, 4, 32, 2.0, 900.0 / e, 400.0 / e));
        }
        Path file = tmp.resolve(ReportPlots.LOSS_CURVES);

        ReportPlots.lossCurves(log, file);

        assertDrawn(file, 2 * ReportPlots.CHART_WIDTH, ReportPlots.CHART_HEIGHT, 50);
    }

    @Test
    void reportWritesMarkdownRecallCurvesAndTheFaceGrid() throws IOException {
        EvaluationReport report = report(3);

        String markdown = ReportWriter.write(report, "tiny", Optional.empty(), tmp);

        assertThat(markdown).contains("![recall at K](recall-at-k.png)", "![faces](faces.png)")
                .doesNotContain("loss-curves.png");
        assertDrawn(tmp.resolve(ReportPlots.RECALL_CURVES), ReportPlots.CHART_WIDTH, ReportPlots.CHART_HEIGHT, 50);
        // The faces keep their own resolution (64 px here).
        BufferedImage grid = assertDrawn(tmp.resolve(ReportPlots.FACE_GRID), 3 * FACE, ReportPlots.GRID_HEADER + 3 * FACE, 8);
        assertThat(ReportPlots.gridWidth(FACE)).isEqualTo(grid.getWidth());
        assertThat(ReportPlots.gridHeight(3, FACE)).isEqualTo(grid.getHeight());
        // Row 2, column 3 holds the second example's face from speech (solid blue here).
        assertThat(new Color(grid.getRGB(2 * FACE + 30, ReportPlots.GRID_HEADER + FACE + 30)))
                .isEqualTo(new Color(0, 0, 255));
    }

    @Test
    void aSixteenIdentityGridAtOneHundredTwentyEightPixels() throws IOException {
        List<FaceExample> rows = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            rows.add(new FaceExample("id" + i, solid(Color.RED, 128), solid(Color.GREEN, 128), solid(Color.BLUE, 128)));
        }
        Path file = tmp.resolve(ReportPlots.FACE_GRID);

        ReportPlots.faceGrid(rows, file);

        BufferedImage grid = ImageIO.read(file.toFile());
        assertThat(grid.getWidth()).isEqualTo(3 * 128);
        assertThat(grid.getHeight()).isEqualTo(ReportPlots.GRID_HEADER + 16 * 128);
        // The last row's face from v_f, untouched by scaling: every pixel of its cell is the decoded colour.
        assertThat(new Color(grid.getRGB(128, ReportPlots.GRID_HEADER + 15 * 128))).isEqualTo(Color.GREEN);
        assertThat(new Color(grid.getRGB(255, ReportPlots.GRID_HEADER + 16 * 128 - 1))).isEqualTo(Color.GREEN);
    }

    @Test
    void confusionMatricesAndFaceMeasuresAreDrawn() throws IOException {
        AttributeScores scores = AttributeScoresTest.scores();
        Path matrices = tmp.resolve("confusion.png");
        Path measures = tmp.resolve(ReportPlots.FACE_MEASURES);

        ReportPlots.confusionMatrices(FaceSource.FROM_SPEECH_6S, scores, matrices);
        ReportPlots.faceMeasures(FaceMeasureCorrelationsTest.correlations(), measures);

        assertDrawn(matrices, ReportPlots.confusionWidth(List.of(2, 5, 4)), ReportPlots.confusionHeight(5), 8);
        assertDrawn(measures, ReportPlots.CHART_WIDTH * 3 / 2, ReportPlots.CHART_HEIGHT, 20);
    }

    private static EvaluationReport report(int examples) {
        List<FaceExample> rows = new ArrayList<>();
        for (int i = 0; i < examples; i++) {
            rows.add(new FaceExample("id" + i, solid(Color.RED, FACE), solid(Color.GREEN, FACE), solid(Color.BLUE, FACE)));
        }
        Similarity s = new Similarity(40, 5, 10, 2);
        Map<Integer, Double> recall = Map.of(1, 0.1, 2, 0.2, 5, 0.5, 10, 1.0);
        List<Double> curve = List.of(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0);
        return new EvaluationReport(20, 10, s, s, recall, recall, curve, curve, recall,
                Optional.of(new SexAgreement(0.9, 0.8)), Optional.empty(), Optional.empty(),
                Optional.of(new OracleRecall(recall, recall, new Correlation(0.6, 10, 0.05, 0.2))), rows, List.of(),
                Optional.empty(), Optional.empty());
    }

    private static BufferedImage solid(Color colour, int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, size, size);
        g.dispose();
        return image;
    }

    private static BufferedImage assertDrawn(Path file, int width, int height, int minColours) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image).as(file + " decodes").isNotNull();
        assertThat(image.getWidth()).isEqualTo(width);
        assertThat(image.getHeight()).isEqualTo(height);
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertThat(colours.size()).as("distinct colours of " + file).isGreaterThan(minColours);
        return image;
    }
}
