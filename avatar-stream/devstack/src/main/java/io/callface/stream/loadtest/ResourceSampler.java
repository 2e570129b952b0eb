package io.callface.stream.loadtest;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Samples this process at a fixed interval: CPU time, heap in use, heap left after the latest collection of each
 * heap pool (the live set, without forcing a GC), and resident memory ({@code VmRSS} of
 * {@code /proc/self/status}; -1 where there is no procfs).
 */
public final class ResourceSampler implements AutoCloseable {
    /** One reading, {@code elapsedMs} after sampling started. */
    public record Sample(long elapsedMs, long cpuNanos, long heapUsedBytes, long heapAfterGcBytes, long rssBytes) {
    }

    private final PeriodicSampler<Sample> sampler;

    public ResourceSampler(Duration interval) {
        sampler = new PeriodicSampler<>("callface-load-resources", interval, elapsedMs -> Optional.of(now(elapsedMs)));
    }

    /** A reading of this process now. */
    public static Sample now(long elapsedMs) {
        long heapAfterGc = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage afterGc = pool.getType() == MemoryType.HEAP ? pool.getCollectionUsage() : null;
            if (afterGc != null) {
                heapAfterGc += afterGc.getUsed();
            }
        }
        return new Sample(elapsedMs, processCpuNanos(),
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), heapAfterGc, rssBytes());
    }

    public List<Sample> samples() {
        return sampler.samples();
    }

    static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** Resident set size from {@code /proc/self/status}, or -1. */
    static long rssBytes() {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return -1;
        }
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.substring(6).trim().split("\\s+")[0]) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    @Override
    public void close() {
        sampler.close();
    }
}
