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
 * A short soak: three participants' seats for 30 s with heap and RSS sampled every second and the live heap every 5 s. Too short to judge a
 * trend (the full soak is {@code bench soak}), it proves the sampling, the fit and the report on a real run.
 */
@Tag("integration")
class SoakIT {
    @TempDir
    Path temp;

    @Test
    void samplesHeapAndResidentMemoryThroughARun() throws Exception {
        new TinyFaceModelWriter().version("tiny-soak").write(temp.resolve("model"));
        BenchStack.Settings settings = new BenchStack.Settings(temp.resolve("model"), temp.resolve("data"), 2,
                Map.of(AvatarStreamConfig.INFERENCE_PROVIDER_CONFIG, "CPU"));
        List<Codec> codecs = List.of(Codec.PCM16_16K, Codec.MULAW_8K, Codec.OPUS_48K);
        LoadPlan plan = LoadPlan.generate("soak-it", codecs.size(), Duration.ofSeconds(30), codecs, 17);

        SoakRun.Result result;
        try (BenchStack stack = BenchStack.start(settings)) {
            result = SoakRun.run(stack.clients(), plan, VoiceLoops.encode(codecs),
                    new SoakRun.Settings(Duration.ofSeconds(1), Duration.ofSeconds(5), 64, 128), LoadRun.Options.DEFAULTS);
        }
        System.out.println(result.markdown());

        long runMs = Math.round(result.load().sendSeconds() * 1000);
        assertThat(result.samples()).hasSizeGreaterThan((int) (runMs / 1000) - 2)
                .allSatisfy(sample -> {
                    assertThat(sample.heapUsedBytes()).isPositive();
                    assertThat(sample.cpuNanos()).isPositive();
                });
        assertThat(result.samples()).extracting(ResourceSampler.Sample::elapsedMs).isSorted();
        assertThat(result.liveHeap()).hasSizeGreaterThan((int) (runMs / 5000) - 2)
                .allSatisfy(sample -> assertThat(sample.liveBytes()).isPositive());
        assertThat(result.heapMbPerHour()).isFinite();
        assertThat(result.load().exactlyOnce()).isTrue();
        assertThat(result.load().sessions()).isEqualTo(plan.sessions().size());
        assertThat(result.markdown()).contains("| minute | heap used MB | live heap MB | RSS MB |").contains("Linear trend over the second half");
    }
}
