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
 * Two instances in child JVMs share real-time participants; one is killed with SIGKILL and restarted three
 * times. Every expected window is committed exactly once.
 */
@Tag("integration")
class FaultToleranceIT {
    @TempDir
    Path temp;

    @Test
    void everyWindowExactlyOnceAcrossKills() throws Exception {
        new TinyFaceModelWriter().version("tiny-faults").write(temp.resolve("model"));
        BenchStack.Settings settings = new BenchStack.Settings(temp.resolve("model"), temp.resolve("data"), 4,
                Map.of(AvatarStreamConfig.INFERENCE_PROVIDER_CONFIG, "CPU"));
        List<Codec> codecs = List.of(Codec.PCM16_16K, Codec.OPUS_48K, Codec.MULAW_8K, Codec.F32_48K);
        LoadPlan plan = LoadPlan.generate("fault-it", 6, Duration.ofSeconds(30), codecs, 13);

        FaultRun.Result result;
        try (BenchStack stack = BenchStack.startInfrastructure(settings)) {
            result = FaultRun.run(stack, plan, VoiceLoops.encode(codecs), new FaultRun.Settings(3, List.of("-Xmx256m")),
                    temp.resolve("instances"), new LoadRun.Options(Duration.ofSeconds(120), Duration.ofSeconds(1)));
        }
        System.out.println(result.markdown(3));

        assertThat(result.kills()).isEqualTo(3);
        assertThat(result.load().examples()).isEmpty();
        assertThat(result.load().lostWindows()).isZero();
        assertThat(result.load().duplicatedWindows()).isZero();
        assertThat(result.load().unexpectedWindows()).isZero();
        assertThat(result.passed(3)).isTrue();
        assertThat(result.markdown(3)).contains("Kills: 3 of 3").contains("Passed: yes");
    }
}
