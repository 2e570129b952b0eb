package io.callface.trainer.listen;

import io.callface.trainer.eval.FaceExample;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/** Writes a {@code listen} run: {@value #REPORT_FILE}, {@value #CALLS_FILE} (one row per recording) and {@value #FACES_FILE}. */
final class ListenReport {
    static final String REPORT_FILE = "report.md";
    static final String CALLS_FILE = "calls.csv";
    static final String FACES_FILE = "faces.png";
    private static final int COLUMNS = 6;
    private static final int CAPTION = 30;

    private ListenReport() {
    }

    /**
     * Writes the three files into {@code dir} and returns the markdown.
     *
     * @param context lines describing the run (model, corpus, manifest, skipped rows), written above the figures
     */
    static String write(List<HeardCall> calls, ListenSummary summary, List<String> context, int imageSize, Path dir) {
        String md = markdown(calls, summary, context);
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(REPORT_FILE), md);
            Files.writeString(dir.resolve(CALLS_FILE), csv(calls));
            ImageIO.write(faces(calls, imageSize), "png", dir.resolve(FACES_FILE).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the listen report into " + dir + ": " + e.getMessage(), e);
        }
        return md;
    }

    private static String markdown(List<HeardCall> calls, ListenSummary s, List<String> context) {
        StringBuilder md = new StringBuilder("# Faces from held-out speech\n\n");
        context.forEach(line -> md.append("- ").append(line).append('\n'));
        md.append("\nEach recording is heard as the stream hears a call (voice-gated 20 ms chunks, 6 s windows, the mean "
                + "fusion of the full windows) and the face of its last avatar is judged by the evaluation's attribute "
                + "classifiers, fitted on the corpus's training faces.\n\n");
        md.append(String.format(Locale.ROOT, "**Sex agreement: %.1f %% +- %.1f %% (standard error), %d recordings**"
                + " (95 %% Wilson interval %.1f-%.1f %%; male speakers %s, female speakers %s)", 100 * s.sexAgreement(),
                100 * s.sexAgreementSe(), s.judged(), 100 * s.wilsonLow(), 100 * s.wilsonHigh(),
                percent(s.maleAgreement()), percent(s.femaleAgreement())));
        if (s.unjudged() > 0) {
            md.append("; ").append(s.unjudged()).append(" recording(s) held under 3 s of voice and gave no face");
        }
        md.append(String.format(Locale.ROOT, "\n\nBaseline, always the more common sex: %.1f %%. Per window, each decoded "
                + "from its own embedding without fusion: %.1f %% of %d windows.\n\n", 100 * s.majorityShare(),
                100 * s.windowAgreement(), s.windows()));
        s.age().ifPresent(r -> md.append(String.format(Locale.ROOT, "Age: r = %.2f (p = %.3g, n = %d)", r.r(), r.pValue(),
                r.n())));
        s.ageMae().ifPresent(mae -> md.append(String.format(Locale.ROOT, "%smean absolute error %.1f years\n\n",
                s.age().isPresent() ? ", " : "Age: ", mae)));
        md.append("| file | sex | age | heard s | windows (full + provisional) | windows agreeing | P(male) | judged sex "
                + "| agrees | judged age |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (HeardCall c : calls) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %.1f | %d + %d | %d / %d | %s | %s | %s | %s |\n",
                    c.file().audio().getFileName(), c.file().sex().csvName(), age(c), c.heardSeconds(), c.fullWindows(),
                    c.provisional(), c.windowsAgreeing(), c.windowJudgements().size(), c.judgement().map(j -> String.format(Locale.ROOT, "%.2f", j.maleProbability())).orElse("-"),
                    c.judgement().map(j -> j.sex().csvName()).orElse("no face"),
                    c.sexAgrees().map(a -> a ? "yes" : "**no**").orElse("-"),
                    c.judgement().map(j -> String.format(Locale.ROOT, "%.0f", j.ageYears())).orElse("-")));
        }
        md.append("\n![faces](").append(FACES_FILE).append(")\n");
        return md.toString();
    }

    private static String csv(List<HeardCall> calls) {
        StringBuilder csv = new StringBuilder("file,sex,age,heard_seconds,full_windows,provisional_windows,"
                + "windows_agreeing,male_probability,judged_sex,sex_agrees,judged_age\n");
        for (HeardCall c : calls) {
            csv.append(String.format(Locale.ROOT, "%s,%s,%s,%.2f,%d,%d,%d,%s,%s,%s,%s\n", c.file().audio(),
                    c.file().sex().csvName(), c.file().ageYears().isPresent() ? age(c) : "", c.heardSeconds(),
                    c.fullWindows(), c.provisional(), c.windowsAgreeing(),
                    c.judgement().map(j -> String.format(Locale.ROOT, "%.4f", j.maleProbability())).orElse(""),
                    c.judgement().map(j -> j.sex().csvName()).orElse(""),
                    c.sexAgrees().map(String::valueOf).orElse(""),
                    c.judgement().map(j -> String.format(Locale.ROOT, "%.1f", j.ageYears())).orElse("")));
        }
        return csv.toString();
    }

    /** Every face with its file name and "labelled -> judged" sex below it; a grey cell where there is no face. */
    private static BufferedImage faces(List<HeardCall> calls, int size) {
        int rows = Math.max(1, (calls.size() + COLUMNS - 1) / COLUMNS);
        BufferedImage grid = new BufferedImage(COLUMNS * size, rows * (size + CAPTION), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = grid.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, grid.getWidth(), grid.getHeight());
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            for (int i = 0; i < calls.size(); i++) {
                HeardCall c = calls.get(i);
                int x = (i % COLUMNS) * size;
                int y = (i / COLUMNS) * (size + CAPTION);
                if (c.face().isPresent()) {
                    g.drawImage(FaceExample.toImage(c.face().get().image(), size), x, y, null);
                } else {
                    g.setColor(Color.LIGHT_GRAY);
                    g.fillRect(x, y, size, size);
                }
                g.setColor(c.sexAgrees().orElse(true) ? Color.BLACK : Color.RED);
                g.drawString(c.file().audio().getFileName().toString(), x + 3, y + size + 12);
                g.drawString(c.file().sex().csvName() + " -> " + c.judgement().map(j -> j.sex().csvName()).orElse("no face"),
                        x + 3, y + size + 25);
            }
        } finally {
            g.dispose();
        }
        return grid;
    }

    private static String age(HeardCall c) {
        return c.file().ageYears().isPresent() ? String.format(Locale.ROOT, "%.0f", c.file().ageYears().getAsDouble()) : "-";
    }

    private static String percent(double share) {
        return Double.isNaN(share) ? "-" : String.format(Locale.ROOT, "%.0f %%", 100 * share);
    }
}
