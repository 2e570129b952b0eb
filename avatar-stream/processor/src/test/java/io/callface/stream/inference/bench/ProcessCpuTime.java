package io.callface.stream.inference.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** User plus system CPU time of this process, all threads (native ones included), from /proc/self/stat. */
final class ProcessCpuTime {
    /** USER_HZ; 100 on every mainstream Linux build. */
    static final int TICKS_PER_SECOND = 100;

    private ProcessCpuTime() {
    }

    static long ticks() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        // Fields after the parenthesised command name; utime and stime are fields 14 and 15 of the whole line.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
