package io.callface.stream.loadtest;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time of this process split by {@link ThreadRole}: a snapshot of every live Java thread's CPU time
 * ({@link ThreadMXBean}) and of the whole process. The difference between two snapshots says how many cores
 * each role used in between; threads that started in between count from zero.
 */
public final class ThreadCpu {
    private final long processNanos;
    private final Map<Long, Long> threadNanos;
    private final Map<Long, ThreadRole> roles;

    private ThreadCpu(long processNanos, Map<Long, Long> threadNanos, Map<Long, ThreadRole> roles) {
        this.processNanos = processNanos;
        this.threadNanos = threadNanos;
        this.roles = roles;
    }

    /** This process now; {@code applicationId} names the stream processor's threads. */
    public static ThreadCpu now(String applicationId) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> nanos = new HashMap<>();
        Map<Long, ThreadRole> roles = new HashMap<>();
        if (threads.isThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled()) {
            for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
                long cpu = info == null ? -1 : threads.getThreadCpuTime(info.getThreadId());
                if (cpu >= 0) {
                    nanos.put(info.getThreadId(), cpu);
                    roles.put(info.getThreadId(), ThreadRole.of(info.getThreadName(), applicationId));
                }
            }
        }
        return new ThreadCpu(ResourceSampler.processCpuNanos(), nanos, roles);
    }

    /**
     * Average cores per role from {@code earlier} to this snapshot, {@code seconds} apart; the whole process's
     * CPU not accounted to a live Java thread goes to {@link ThreadRole#JVM_AND_NATIVE}. Empty where the JVM
     * cannot measure thread or process CPU time.
     */
    public CpuShares since(ThreadCpu earlier, double seconds) {
        if (processNanos < 0 || earlier.processNanos < 0 || threadNanos.isEmpty() || seconds <= 0) {
            return CpuShares.UNKNOWN;
        }
        Map<ThreadRole, Double> cores = new EnumMap<>(ThreadRole.class);
        for (ThreadRole role : ThreadRole.values()) {
            cores.put(role, 0.0);
        }
        long accounted = 0;
        for (Map.Entry<Long, Long> thread : threadNanos.entrySet()) {
            long used = thread.getValue() - earlier.threadNanos.getOrDefault(thread.getKey(), 0L);
            accounted += used;
            cores.merge(roles.get(thread.getKey()), used / (seconds * 1e9), Double::sum);
        }
        long process = processNanos - earlier.processNanos;
        cores.put(ThreadRole.JVM_AND_NATIVE, Math.max(0, process - accounted) / (seconds * 1e9));
        return new CpuShares(process / (seconds * 1e9), cores);
    }
}
