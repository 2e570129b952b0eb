package io.callface.trainer.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The per-epoch history of a training run, written as {@value #FILE} into the model directory (and into
 * checkpoints, so a resumed run keeps its history): the source of the report's loss curves and of the
 * throughput figures in {@code model.json}.
 */
public final class TrainingLog {
    /** File name in a model directory. */
    public static final String FILE = "training-log.csv";
    static final String HEADER = "stage,epoch,steps,samples,seconds,mean_loss,mean_fdec_l1";

    private final List<EpochRecord> records = new ArrayList<>();

    public void add(EpochRecord record) {
        records.add(record);
    }

    public List<EpochRecord> records() {
        return List.copyOf(records);
    }

    /** The records of one stage in epoch order. */
    public List<EpochRecord> stage(String stage) {
        return records.stream().filter(r -> r.stage().equals(stage)).toList();
    }

    /**
     * Throughput and time per stage for {@code model.json}: {@code train_<stage>_samples_per_s} (samples over
     * the stage's summed epoch seconds) and {@code train_<stage>_seconds}, for each stage that ran.
     */
    public Map<String, Double> metrics() {
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (String stage : List.of(EpochRecord.FACE, EpochRecord.VOICE)) {
            List<EpochRecord> rows = stage(stage);
            if (rows.isEmpty()) {
                continue;
            }
            double seconds = rows.stream().mapToDouble(EpochRecord::seconds).sum();
            long samples = rows.stream().mapToLong(EpochRecord::samples).sum();
            metrics.put("train_" + stage + "_samples_per_s", seconds == 0 ? 0 : samples / seconds);
            metrics.put("train_" + stage + "_seconds", seconds);
        }
        return metrics;
    }

    public String toCsv() {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (EpochRecord r : records) {
            csv.append(String.format(Locale.ROOT, "%s,%d,%d,%d,%.3f,%.6g,%s%n", r.stage(), r.epoch(), r.steps(),
                    r.samples(), r.seconds(), r.meanLoss(),
                    Double.isNaN(r.meanFDecL1()) ? "" : String.format(Locale.ROOT, "%.6g", r.meanFDecL1())));
        }
        return csv.toString();
    }

    /** Parses {@link #toCsv()}'s output; throws {@link IllegalArgumentException} naming the bad line. */
    public static TrainingLog parse(String csv) {
        String[] lines = csv.split("\n");
        if (lines.length == 0 || !lines[0].strip().equals(HEADER)) {
            throw new IllegalArgumentException(FILE + " line 1: expected header '" + HEADER + "'");
        }
        TrainingLog log = new TrainingLog();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] f = lines[i].strip().split(",", -1);
            try {
                if (f.length != 7) {
                    throw new IllegalArgumentException("expected 7 columns, found " + f.length);
                }
                log.add(new EpochRecord(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]), Integer.parseInt(f[3]),
                        Double.parseDouble(f[4]), Double.parseDouble(f[5]),
                        f[6].isEmpty() ? Double.NaN : Double.parseDouble(f[6])));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(FILE + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return log;
    }

    /** Reads {@code dir/}{@value #FILE}. */
    public static TrainingLog read(Path dir) {
        try {
            return parse(Files.readString(dir.resolve(FILE), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir.resolve(FILE), e);
        }
    }

    /** Writes {@code dir/}{@value #FILE}. */
    public void write(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(FILE), toCsv(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(FILE), e);
        }
    }
}
