package io.callface.stream.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveHeapSamplerTest {
    private static final int BLOCK_BYTES = 64 * 1024 * 1024;

    @Test
    void readsWhatIsReachableAndNotTheGarbage() {
        byte[][] held = {new byte[BLOCK_BYTES]};
        try (LiveHeapSampler sampler = new LiveHeapSampler(Duration.ofMillis(50))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> !sampler.samples().isEmpty());
            long withBlock = sampler.samples().get(0).liveBytes();
            assertThat(withBlock).isGreaterThanOrEqualTo(BLOCK_BYTES);

            held[0] = null;
            int before = sampler.samples().size();
            await().atMost(Duration.ofSeconds(30)).until(() -> sampler.samples().size() >= before + 2);
            List<LiveHeapSampler.Sample> samples = sampler.samples();
            assertThat(samples.get(samples.size() - 1).liveBytes()).isLessThan(withBlock - BLOCK_BYTES / 2);
            assertThat(samples).extracting(LiveHeapSampler.Sample::elapsedMs).isSorted();
        }
    }
}
