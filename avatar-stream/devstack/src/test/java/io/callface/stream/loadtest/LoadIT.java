package io.callface.stream.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.callface.stream.config.AvatarStreamConfig;
import io.callface.stream.inference.TinyFaceModelWriter;
import io.callface.stream.synth.Codec;
import io.callface.stream.synth.VoiceLoops;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The load generator against the embedded stack with a real (tiny) model: five real-time participants, one per
 * codec, each window committed exactly once, every participant's first avatar, and the report.
 */
@Tag("integration")
class LoadIT {
    @TempDir
    Path temp;

    @Test
    void everyCodecsWindowsArriveExactlyOnce() throws Exception {
        new TinyFaceModelWriter().version("tiny-load").write(temp.resolve("model"));
        BenchStack.Settings settings = new BenchStack.Settings(temp.resolve("model"), temp.resolve("data"), 3,
                Map.of(AvatarStreamConfig.INFERENCE_PROVIDER_CONFIG, "CPU"));
        LoadPlan plan = LoadPlan.generate("load-it", Codec.values().length, Duration.ofSeconds(5), Codec.DEFAULT_MIX, 7);

        LoadResult result;
        try (BenchStack stack = BenchStack.start(settings)) {
            result = LoadRun.run(stack.clients(), plan, VoiceLoops.encode(Codec.DEFAULT_MIX), LoadRun.Options.DEFAULTS);
            assertThat(stack.neverStopped()).as("states %s", stack.states()).isTrue();
        }
        System.out.println(LoadReport.markdown("Load", List.of(result)));

        assertThat(result.examples()).isEmpty();
        assertThat(result.exactlyOnce()).isTrue();
        assertThat(result.sendFailures()).isZero();
        assertThat(result.drainMs()).isNotNegative();
        assertThat(result.sessions()).isEqualTo(plan.sessions().size());
        assertThat(result.firstAvatar().count()).isEqualTo(plan.sessions().size());
        long windowsWithLatency = plan.expectedWindows().stream().filter(key -> !key.endOfStream()).count();
        assertThat(result.latency().count()).isEqualTo(windowsWithLatency);
        assertThat(result.latency().max()).isPositive().isLessThan(Duration.ofSeconds(30).toMillis());
        // The second half's windows are some of all of them (in so short a run, maybe all).
        assertThat(result.latencySecondHalf().count()).isPositive().isLessThanOrEqualTo(result.latency().count());
        assertThat(result.latencySecondHalf().max()).isLessThanOrEqualTo(result.latency().max());
        assertThat(result.latencyBySpan().stream().mapToLong(Percentiles::count).sum()).isEqualTo(result.latency().count());
        assertThat(result.cpu().total()).isPositive();
        assertThat(result.cpu().application()).isPositive().isLessThanOrEqualTo(result.cpu().total());
        assertThat(LoadReport.markdown("Load", List.of(result)))
                .contains("| " + Codec.values().length + " | " + plan.sessions().size() + " |");
    }
}
