package io.callface.trainer.data;

import io.callface.trainer.synth.Split;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.nio.file.Path;

/**
 * What {@code trainer validate} and the preparation before {@code train} found in a real-data corpus: the usable
 * rows with their figures, and every skipped row with its line number and reason.
 *
 * @param prepared where the trainer's corpus was written; empty for a dry run
 */
public record PreparationReport(Path source, Optional<Path> prepared, List<PreparedRow> rows, List<String> problems) {
    public PreparationReport {
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
    }

    public int segments() {
        return rows.stream().mapToInt(PreparedRow::segmentCount).sum();
    }

    public long identities(Split split) {
        return rows.stream().filter(r -> r.recording().split() == split).map(r -> r.recording().identity())
                .distinct().count();
    }

    /** The human-readable summary {@code validate} prints. */
    public String text() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "corpus %s: %d usable row(s), %d skipped%n", source,
                rows.size(), problems.size()));
        Map<Split, Long> identities = new EnumMap<>(Split.class);
        for (Split split : Split.values()) {
            identities.put(split, identities(split));
        }
        out.append(String.format(Locale.ROOT, "identities: %d train, %d val, %d test, %d voice-only%n",
                identities.get(Split.TRAIN), identities.get(Split.VAL), identities.get(Split.TEST),
                identities.get(Split.VOICE)));
        double audio = rows.stream().mapToDouble(PreparedRow::audioSeconds).sum();
        out.append(String.format(Locale.ROOT, "speech: %.1f s of recordings gave %d segment(s) of 6 s voiced audio "
                + "(%.0f %% of the recorded time)%n", audio, segments(),
                audio == 0 ? 0 : 100 * segments() * 6.0 / audio));
        long full = rows.stream().filter(PreparedRow::fullLandmarks).count();
        double[] residuals = rows.stream().mapToDouble(PreparedRow::residualPixels).sorted().toArray();
        out.append(String.format(Locale.ROOT, "faces: %d aligned (%d with 68 landmarks, %d from 5 points); "
                + "anchor residual median %.2f px, max %.2f px at %d px%n", rows.size(), full, rows.size() - full,
                residuals.length == 0 ? 0 : residuals[residuals.length / 2],
                residuals.length == 0 ? 0 : residuals[residuals.length - 1], CorpusPreparation.FACE_SIZE));
        long cached = rows.stream().filter(PreparedRow::cached).count();
        prepared.ifPresent(dir -> out.append(String.format(Locale.ROOT,
                "prepared corpus: %s (%d row(s) from its cache, %d prepared now)%n", dir, cached, rows.size() - cached)));
        if (!problems.isEmpty()) {
            out.append("skipped rows:\n");
            problems.forEach(p -> out.append("  ").append(p).append('\n'));
        }
        return out.toString();
    }
}
