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
 * About 1,000 bad records of every kind mixed into four real-time participants: each bad record meets its
 * promised fate (a dead letter at its offset with a reason, a counted drop, or Kafka's refusal), no valid record
 * is rejected, every valid window arrives exactly once, and the application never stops.
 */
@Tag("integration")
class HostileInputIT {
    @TempDir
    Path temp;

    @Test
    void everyBadRecordIsAccountedForAndValidWindowsStillCome() throws Exception {
        new TinyFaceModelWriter().version("tiny-hostile").write(temp.resolve("model"));
        BenchStack.Settings settings = new BenchStack.Settings(temp.resolve("model"), temp.resolve("data"), 3,
                Map.of(AvatarStreamConfig.INFERENCE_PROVIDER_CONFIG, "CPU"));
        List<Codec> codecs = List.of(Codec.PCM16_16K, Codec.MULAW_8K, Codec.OPUS_48K, Codec.F32_48K);
        LoadPlan plan = LoadPlan.generate("hostile-it", codecs.size(), Duration.ofSeconds(8), codecs, 11);
        List<BadRecordKind> kinds = List.of(BadRecordKind.values());
        int badRecords = 60 * kinds.size();

        HostileResult result;
        try (BenchStack stack = BenchStack.start(settings)) {
            result = HostileRun.run(stack, plan, VoiceLoops.encode(codecs),
                    new HostileRun.Settings(badRecords, kinds, 3), LoadRun.Options.DEFAULTS);
        }
        System.out.println(result.markdown());

        assertThat(result.badRecords()).isEqualTo(badRecords);
        assertThat(result.tallies()).hasSize(kinds.size()).allSatisfy(tally -> {
            assertThat(tally.sent()).as("%s sent", tally.kind()).isEqualTo(60);
            assertThat(tally.accounted()).as("%s accounted", tally.kind()).isEqualTo(tally.sent());
            assertThat(tally.example()).as("%s reason", tally.kind()).isNotBlank();
        });
        assertThat(result.validDeadLettered()).isZero();
        assertThat(result.chunksInCounted()).isEqualTo(result.chunksInExpected());
        assertThat(result.windowsFailed()).isZero();
        assertThat(result.neverStopped()).isTrue();
        assertThat(result.load().examples()).isEmpty();
        assertThat(result.load().exactlyOnce()).isTrue();
        assertThat(result.passed()).isTrue();
        assertThat(result.markdown()).contains("| NAN_AUDIO |").contains("Passed: yes");
    }
}
