package io.callface.stream.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ThreadCpuTest {
    private static final String APP = "cpu-test-app";

    @Test
    void aBusyThreadsCpuIsCountedForItsRoleAndTheRolesAddUpToTheProcess() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch started = new CountDownLatch(1);
        long[] spins = new long[1];
        Thread busy = new Thread(() -> {
            started.countDown();
            long n = 0;
            while (!stop.get()) {
                n++;
            }
            spins[0] = n;
        }, APP + "-StreamThread-1");
        busy.start();
        started.await();
        ThreadCpu before = ThreadCpu.now(APP);
        long start = System.nanoTime();
        // Wait on the busy thread's own CPU clock, not on the wall clock: 1 s of its CPU whatever the load. A
        // snapshot reads every thread and then the process, so on a busy machine the two can be some 10 ms apart;
        // over 200 ms that skew alone broke the 5 % bound once (CI), over 1 s it stays well inside it.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuAtStart = threads.getThreadCpuTime(busy.getId());
        await().atMost(Duration.ofMinutes(1))
                .until(() -> threads.getThreadCpuTime(busy.getId()) - cpuAtStart >= 1_000_000_000L);
        CpuShares shares = ThreadCpu.now(APP).since(before, (System.nanoTime() - start) / 1e9);
        stop.set(true);
        busy.join();

        assertThat(spins[0]).isPositive();
        assertThat(shares.of(ThreadRole.STREAM_PROCESSOR)).isGreaterThan(0.0);
        assertThat(shares.application()).isGreaterThanOrEqualTo(shares.of(ThreadRole.STREAM_PROCESSOR));
        double sum = shares.byRole().values().stream().mapToDouble(Double::doubleValue).sum();
        assertThat(sum).isCloseTo(shares.total(), within(0.05 * shares.total() + 0.01));
        assertThat(shares.format()).startsWith(String.format(Locale.ROOT, "%.2f (", shares.total()))
                .contains("stream processor");
    }

    @Test
    void unknownSharesSayNothingRatherThanZero() {
        assertThat(CpuShares.UNKNOWN.format()).isEqualTo("?");
        assertThat(CpuShares.UNKNOWN.application()).isZero();
    }
}
