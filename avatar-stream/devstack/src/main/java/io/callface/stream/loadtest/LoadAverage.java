package io.callface.stream.loadtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's load average ({@code /proc/loadavg}), reported beside every figure of a shared machine. */
public final class LoadAverage {
    private LoadAverage() {
    }

    /** The 1, 5 and 15 minute load averages, or "n/a" without procfs. */
    public static String now() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    public static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }
}
