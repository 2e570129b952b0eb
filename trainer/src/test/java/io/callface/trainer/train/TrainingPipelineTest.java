package io.callface.trainer.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.callface.stream.model.ModelContract;
import io.callface.trainer.nn.Preset;
import io.callface.trainer.onnx.ModelDirectory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingPipelineTest {
    private static final Pattern LOSS = Pattern.compile("\\[(\\w+)] epoch .* loss ([0-9.]+)");

    @TempDir
    Path tmp;

    @Test
    void tinyPresetTrainsBothStagesLowersTheirLossAndExportsAModelDirectory() {
        Path corpus = TestCorpus.write(tmp.resolve("corpus"), 8, 2, 2, 7);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        AtomicLong clock = new AtomicLong();
        // A clock that jumps 2 s per reading makes the reporter print every step.
        ProgressReporter progress = new ProgressReporter(new PrintStream(log, true, StandardCharsets.UTF_8),
                () -> clock.addAndGet(2_000_000_000L));
        Preset tiny = Preset.tiny();
        ModelDirectory model = new TrainingPipeline(progress).train(corpus, tiny, tmp.resolve("model"),
                TrainingOptions.defaults(tiny).withFaceEpochs(40).withVoiceEpochs(6));

        assertThat(ModelDirectory.open(model.path()).manifest().preset()).isEqualTo("tiny");
        assertThat(model.encoder()).exists();
        assertThat(model.manifest().sha256()).containsKeys(ModelContract.ENCODER_FILE, ModelContract.DECODER_FILE);
        String text = log.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("eta");
        assertLossFalls(text, "face");
        assertLossFalls(text, "voice");
    }

    private static void assertLossFalls(String log, String stage) {
        List<Float> losses = LOSS.matcher(log).results().filter(m -> m.group(1).equals(stage))
                .map(m -> Float.parseFloat(m.group(2))).toList();
        assertThat(losses).hasSizeGreaterThan(4);
        float first = (losses.get(0) + losses.get(1)) / 2;
        int n = losses.size();
        float last = (losses.get(n - 1) + losses.get(n - 2)) / 2;
        assertThat(last).as(stage + " loss " + losses).isLessThan(first);
    }
}
