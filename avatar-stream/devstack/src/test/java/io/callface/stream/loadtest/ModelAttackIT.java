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
 * Truncated, altered, contract-breaking and otherwise hostile model releases published while participants
 * speak: each is dead-lettered with a reason naming what failed, the serving model never changes and every
 * window still arrives exactly once.
 */
@Tag("integration")
class ModelAttackIT {
    @TempDir
    Path temp;

    @Test
    void everyHostileReleaseIsRejectedWhileTheCurrentModelServes() throws Exception {
        new TinyFaceModelWriter().version("tiny-serving").write(temp.resolve("model"));
        BenchStack.Settings settings = new BenchStack.Settings(temp.resolve("model"), temp.resolve("data"), 2,
                Map.of(AvatarStreamConfig.INFERENCE_PROVIDER_CONFIG, "CPU"));
        List<Codec> codecs = List.of(Codec.PCM16_16K, Codec.ALAW_8K, Codec.OPUS_48K);
        LoadPlan plan = LoadPlan.generate("attack-it", codecs.size(), Duration.ofSeconds(8), codecs, 5);

        ModelAttackRun.Result result;
        try (BenchStack stack = BenchStack.start(settings)) {
            result = ModelAttackRun.run(stack, plan, VoiceLoops.encode(codecs), temp.resolve("attacks"), LoadRun.Options.DEFAULTS);
        }
        System.out.println(result.markdown());

        assertThat(result.reasons()).containsOnlyKeys(ModelAttack.values());
        assertThat(result.reasons().get(ModelAttack.ALTERED_DECODER)).contains("digest");
        assertThat(result.reasons().get(ModelAttack.SWAPPED_GRAPHS)).contains("encoder.onnx");
        assertThat(result.reasons().get(ModelAttack.MANIFEST_MISMATCH)).contains("featureDim");
        assertThat(result.reasons().get(ModelAttack.FOREIGN_URI)).contains("ftp:");
        assertThat(result.reasons().get(ModelAttack.GARBAGE_RELEASE)).contains("undecodable");
        assertThat(result.reasons().get(ModelAttack.TRUNCATED_ENCODER)).contains("cannot load encoder.onnx");
        result.reasons().forEach((attack, reason) -> {
            if (attack != ModelAttack.GARBAGE_RELEASE) {
                assertThat(reason).as("%s", attack).contains("attack-" + attack.name().toLowerCase())
                        .contains("tiny-serving keeps serving");
            }
        });
        assertThat(result.versionAfter()).isEqualTo("tiny-serving").isEqualTo(result.versionBefore());
        assertThat(result.neverStopped()).isTrue();
        assertThat(result.load().examples()).isEmpty();
        assertThat(result.load().exactlyOnce()).isTrue();
        assertThat(result.passed()).isTrue();
        assertThat(result.markdown()).contains("| TRUNCATED_ENCODER |").contains("Passed: yes");
    }
}
