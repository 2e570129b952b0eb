package io.callface.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.callface.avro.AvatarEvent;
import io.callface.model.ModelManifest;
import io.callface.stream.demo.DemoStack;
import io.callface.trainer.AvatarConsumers;
import io.callface.trainer.cli.TrainerCli;
import io.callface.trainer.synth.CorpusManifest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A platform's own data, end to end: a corpus in the real-data format ({@link RealCorpusFixture}: 44.1/48 kHz stereo
 * WAV and FLAC of uneven lengths, JPEG photos of several sizes with 68- or 5-point landmarks, bad rows) is checked by
 * {@code validate}, trained on by {@code train} (tiny preset), measured by {@code evaluate}, and the model is served
 * by the stream processor on a real broker.
 */
class RealDataIT {
    @TempDir
    Path work;

    @Test
    void validateTrainEvaluateAndServeAPlatformsOwnCorpus() throws Exception {
        Path synth = work.resolve("synth");
        assertThat(trainer(new StringWriter(), "synth", "--out", synth.toString(), "--identities", "24",
                "--clips-per-identity", "2", "--seed", "7")).isZero();
        RealCorpusFixture.Written real = RealCorpusFixture.write(CorpusManifest.read(synth), work.resolve("real"), 3);
        Path trained = work.resolve("trained");

        StringWriter validation = new StringWriter();
        assertThat(trainer(validation, "validate", "--data", real.dir().toString())).isZero();
        assertThat(validation.toString()).contains(real.goodRows() + " usable row(s), " + real.badRows() + " skipped")
                .contains("faces: " + real.goodRows() + " aligned (" + (real.identities() - 1) + " with 68 landmarks");
        assertThat(real.dir().resolve(CorpusPreparation.PREPARED_DIR)).doesNotExist();

        assertThat(trainer(new StringWriter(), "train", "--data", real.dir().toString(), "--preset", "tiny", "--out",
                trained.toString(), "--seed", "7")).isZero();
        assertThat(real.dir().resolve(CorpusPreparation.PREPARED_DIR).resolve("manifest.csv")).isRegularFile();
        assertThat(trainer(new StringWriter(), "evaluate", "--data", real.dir().toString(), "--model",
                trained.toString())).isZero();
        ModelManifest manifest = ModelManifest.read(trained);
        assertThat(manifest.metrics()).containsKeys("recall_at_10_6s", "face_identity_recall_at_1");
        assertThat(Files.readString(trained.resolve("report.md"))).contains("The face stage keeps identity");

        try (DemoStack stack = DemoStack.start(new DemoStack.Settings(0, 0, 0, work.resolve("data"), trained,
                work.resolve("avatars")), System.out)) {
            stack.feed(1, 12.5, List.of(), 10.0);
            List<AvatarEvent> events = new ArrayList<>();
            try (KafkaConsumer<String, AvatarEvent> consumer = AvatarConsumers.of(stack, "real-data-it")) {
                consumer.subscribe(List.of(stack.config().avatarsTopic()));
                await().atMost(Duration.ofMinutes(2)).until(() -> {
                    for (ConsumerRecord<String, AvatarEvent> record : consumer.poll(Duration.ofMillis(200))) {
                        events.add(record.value());
                    }
                    return events.stream().filter(e -> !e.getProvisional()).count() >= 5;
                });
            }
            assertThat(events).allSatisfy(e -> {
                assertThat(e.getModelVersion()).isEqualTo(manifest.version());
                assertThat(e.getFaceEmbedding()).hasSize(manifest.featureDim());
                assertThat(e.getFaceImagePng().remaining()).isPositive();
            });
        }
    }

    private static int trainer(StringWriter out, String... args) {
        return new CommandLine(new TrainerCli()).setOut(new PrintWriter(out, true)).execute(args);
    }
}
