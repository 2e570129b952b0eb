package io.callface.stream.loadtest;

import java.util.List;
import java.util.Locale;

/**
 * What a hostile run found: for every kind of bad record how many were sent and how many met their promised
 * fate, plus the valid traffic's own load result.
 *
 * @param load               the valid participants' run (windows, latency, lag)
 * @param tallies            one per kind sent
 * @param validDeadLettered  dead letters from the audio topic that point at no dead-letter-bound hostile record: a
 *                           valid record (or one promised another fate) wrongly rejected, or a record rejected twice
 * @param chunksInExpected   chunks the windowing stage must have counted: valid ones, repeats' precursors and well-formed bad ones
 * @param chunksInCounted    what {@code callface_chunks_in_total} grew by
 * @param windowsFailed      what {@code callface_windows_failed_total} grew by
 * @param neverStopped       the application stayed RUNNING throughout
 */
public record HostileResult(LoadResult load, List<Tally> tallies, long validDeadLettered, long chunksInExpected,
                            long chunksInCounted, long windowsFailed, boolean neverStopped) {
    /**
     * @param kind      the kind of bad record
     * @param sent      how many were sent
     * @param accounted how many met their fate: dead letters with a reason found at the records' offsets, the drop
     *                  counter's growth (so more drops than records shows as more than sent), Kafka's refusals
     * @param example   one dead letter's reason (or the refusal), for the report
     */
    public record Tally(BadRecordKind kind, long sent, long accounted, String example) {
    }

    public HostileResult {
        tallies = List.copyOf(tallies);
    }

    public long badRecords() {
        return tallies.stream().mapToLong(Tally::sent).sum();
    }

    /** Every bad record met its fate, no valid record was rejected, every valid window came once, the app ran on. */
    public boolean passed() {
        return tallies.stream().allMatch(t -> t.accounted() == t.sent()) && validDeadLettered == 0
                && chunksInExpected == chunksInCounted && windowsFailed == 0 && neverStopped && load.exactlyOnce()
                && load.drainMs() >= 0;
    }

    public String markdown() {
        StringBuilder md = new StringBuilder(LoadReport.markdown("Hostile input: the valid traffic", List.of(load)));
        md.append("\n## Hostile input: ").append(badRecords()).append(" bad records\n\n");
        md.append("| kind | what | promised fate | sent | accounted | example reason |\n|---|---|---|---|---|---|\n");
        for (Tally t : tallies) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %d | %s |%n", t.kind(), t.kind().description(),
                    t.kind().fate(), t.sent(), t.accounted(), t.example().replace("|", "\\|").replace("\n", " ")));
        }
        md.append(String.format(Locale.ROOT, "%nDead letters for valid (or not dead-letter-bound) records: %d. Chunks counted by the windowing stage: "
                        + "%d (expected %d). Windows failed: %d. Application stayed RUNNING: %s. Passed: %s.%n",
                validDeadLettered, chunksInCounted, chunksInExpected, windowsFailed, neverStopped ? "yes" : "no",
                passed() ? "yes" : "**no**"));
        return md.toString();
    }
}
