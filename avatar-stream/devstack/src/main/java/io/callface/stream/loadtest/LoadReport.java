package io.callface.stream.loadtest;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Load results as Markdown: one table row per run, then the failures' examples. */
public final class LoadReport {
    private LoadReport() {
    }

    public static String markdown(String title, List<LoadResult> results) {
        StringBuilder md = new StringBuilder();
        md.append("## ").append(title).append("\n\n");
        md.append(String.format(Locale.ROOT, "Machine: %d cores. Latency columns are p50 / p95 / p99 / max in ms.%n%n",
                LoadAverage.cores()));
        md.append("| speakers | sessions | sent s | chunks | windows expected | lost | duplicated | unexpected "
                + "| end-to-end latency | same, windows of the 2nd half | of which in the processor | first avatar | first avatar <= 3.5 s | lag p95 (2nd half) / bound / max, chunks "
                + "| drain ms | generator lag | CPU cores: process (by thread role) | heap max / after GC MB | RSS max MB | load avg start -> end "
                + "| sustained |\n");
        md.append("|---".repeat(21)).append("|\n");
        for (LoadResult r : results) {
            md.append(String.format(Locale.ROOT,
                    "| %d | %d | %.0f | %d | %d | %d | %d | %d | %s | %s | %s | %s | %d / %d | %d / %d / %d | %d | %s | %s | %.0f / %.0f | %.0f | %s -> %s | %s |%n",
                    r.speakers(), r.sessions(), r.sendSeconds(), r.chunksSent(), r.expectedWindows(), r.lostWindows(),
                    r.duplicatedWindows(), r.unexpectedWindows(), r.latency().format(), r.latencySecondHalf().format(), r.inApp().format(), r.firstAvatar().format(),
                    r.firstAvatarWithin(), r.sessions(), r.lagP95SecondHalf(), r.lagBound(), r.maxLag(), r.drainMs(),
                    r.sendLag().format(), r.cpu().format(), r.heapMaxMb(), r.heapAfterGcMaxMb(), r.rssMaxMb(),
                    r.loadAverageStart(), r.loadAverageEnd(), r.sustained() ? "yes" : "**no**"));
        }
        md.append("\nEnd-to-end p99 ms of the windows that ended in each ").append(LoadRun.LATENCY_SPAN_MS / 1000)
                .append(" s of the run:\n");
        for (LoadResult r : results) {
            md.append("- ").append(r.speakers()).append(" speakers: ").append(r.latencyBySpan().stream()
                    .map(span -> span.count() == 0 ? "-" : String.format(Locale.ROOT, "%.0f", span.p99()))
                    .collect(Collectors.joining(", "))).append('\n');
        }
        for (LoadResult r : results) {
            if (!r.examples().isEmpty()) {
                md.append("\n").append(r.speakers()).append(" speakers, run ").append(r.runId()).append(":\n");
                r.examples().forEach(example -> md.append("- ").append(example).append('\n'));
            }
        }
        return md.toString();
    }
}
