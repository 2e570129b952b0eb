package io.callface.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.callface.avro.AvatarEvent;
import io.callface.stream.demo.DemoStack;
import io.callface.model.ModelManifest;
import io.callface.model.features.FaceImageEncoder;
import io.callface.trainer.cli.TrainerCli;
import io.callface.trainer.eval.OnnxFaceDecoder;
import io.callface.trainer.onnx.ModelDirectory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The whole product on real components, as the README's demo runs it: the trainer makes a synthetic corpus,
 * trains a model (tiny preset) with checkpoints, evaluates it (report and figures) and exports the checkpoints
 * as the served model directory, then the embedded stack — a real in-process KRaft broker, the schema
 * registry, the stream processor on ONNX Runtime — turns synthetic callers' audio into avatars that are
 * consumed back from the broker and decoded.
 */
class EndToEndIT {
    @TempDir
    static Path work;
    static Path modelDir;

    @BeforeAll
    static void trainEvaluateAndExportTinyModel() throws IOException {
        Path corpus = work.resolve("corpus");
        Path trained = work.resolve("trained");
        Path checkpoints = work.resolve("checkpoints");
        modelDir = work.resolve("model");
        assertThat(trainer("synth", "--out", corpus.toString(), "--identities", "24", "--clips-per-identity", "2",
                "--seed", "7")).isZero();
        assertThat(trainer("train", "--data", corpus.toString(), "--preset", "tiny", "--out", trained.toString(),
                "--seed", "7", "--checkpoint-dir", checkpoints.toString())).isZero();
        assertThat(trainer("evaluate", "--data", corpus.toString(), "--model", trained.toString())).isZero();
        // The stream processor serves the model exported from the training checkpoints, with the attribute heads
        // that train fitted at its end added by the attributes command: the same files, byte for byte.
        assertThat(trainer("export", "--checkpoint-dir", checkpoints.toString(), "--out", modelDir.toString())).isZero();
        assertThat(trainer("attributes", "--data", corpus.toString(), "--model", modelDir.toString())).isZero();

        assertThat(ModelManifest.read(modelDir).sha256()).isEqualTo(ModelManifest.read(trained).sha256());
        assertThat(ModelManifest.read(trained).metrics()).containsKeys("recall_at_10_6s", "sex_agreement_feature_6s",
                "sex_agreement_s2f_6s", "age_r_s2f_6s", "face_identity_recall_at_1",
                "oracle_feature_recall_at_10", "oracle_shape_recall_at_10", "oracle_age_r",
                "train_voice_samples_per_s");
        assertThat(java.nio.file.Files.readString(trained.resolve("report.md"))).contains(
                "Attributes judged on the faces", "Craniofacial measures", "The face stage keeps identity",
                "voice-trait oracle -> exact face shape",
                "loss-curves.png");
        for (String figure : List.of("loss-curves.png", "recall-at-k.png", "faces.png")) {
            assertThat(distinctColours(ImageIO.read(trained.resolve(figure).toFile()))).as(figure).isGreaterThan(16);
        }
    }

    @Test
    void syntheticCallersGetPngFacesOnTheAvatarTopic() throws Exception {
        ModelManifest manifest = ModelManifest.read(modelDir);
        try (OnnxFaceDecoder decoder = new OnnxFaceDecoder(ModelDirectory.open(modelDir));
                DemoStack stack = DemoStack.start(
                new DemoStack.Settings(0, 0, 0, work.resolve("data"), modelDir, work.resolve("avatars")), System.out)) {
            stack.feed(1, 12.5, List.of(), 10.0);

            List<AvatarEvent> events = new ArrayList<>();
            try (KafkaConsumer<String, AvatarEvent> consumer = AvatarConsumers.of(stack, "end-to-end-it")) {
                consumer.subscribe(List.of(stack.config().avatarsTopic()));
                await().atMost(Duration.ofMinutes(2)).until(() -> {
                    for (ConsumerRecord<String, AvatarEvent> record : consumer.poll(Duration.ofMillis(200))) {
                        assertThat(record.key()).isEqualTo(record.value().getCallId() + "/" + record.value().getParticipantId());
                        events.add(record.value());
                    }
                    return events.stream().filter(AvatarEvent::getEndOfStream).count() >= 5;
                });
            }

            // Five synthetic participants in two calls, 12.5 s each, 6.5 s of it voiced (DemoCallersTest): a
            // provisional avatar at 3 s of voiced audio, then the full 6 s window, and too little left at the end
            // for another: the end of stream repeats the full window with endOfStream set ("e").
            Map<String, List<String>> perSpeaker = events.stream().collect(Collectors.groupingBy(
                    e -> e.getCallId() + "/" + e.getParticipantId(),
                    Collectors.mapping(e -> e.getWindowIndex() + (e.getProvisional() ? "p" : "") + (e.getEndOfStream() ? "e" : ""),
                            Collectors.toList())));
            assertThat(perSpeaker).hasSize(5).allSatisfy((speaker, windows) -> assertThat(windows).containsExactly("0p", "0", "0e"));
            for (AvatarEvent event : events) {
                assertThat(event.getModelVersion()).isEqualTo(manifest.version());
                assertThat(event.getVoicedFraction()).isBetween(0.3f, 0.95f);
                assertThat(event.getLandmarks()).hasSize(68).allSatisfy(p -> {
                    assertThat(p.getX()).isBetween(0f, 1f);
                    assertThat(p.getY()).isBetween(0f, 1f);
                });
                assertThat(event.getFaceEmbedding()).hasSize(manifest.featureDim());
                assertThat(event.getColours().getSkin()).matches("#[0-9a-f]{6}");
                BufferedImage face = png(event.getFaceImagePng());
                assertThat(face.getWidth()).isEqualTo(event.getImageWidth());
                assertThat(face.getHeight()).isEqualTo(event.getImageHeight());
                // The face on the topic is what the trained decoder draws from the fused feature published beside
                // it. (Whether that is a face is the model's quality: the tiny preset's 60 face steps draw noise or
                // a flat grey, depending on the initialisation; the evaluation measures faces.)
                assertSamePixels(face, drawnBy(decoder, event));
                assertThat(distinctColours(face)).as("not a blank image").isGreaterThan(1);
                // The trainer's attribute heads, served beside the face: calibrated probabilities and an adult age.
                assertThat(event.getAttributes()).as("attributes from the trained heads").isNotNull();
                assertThat(event.getAttributes().getMaleProbability()).isBetween(0f, 1f);
                assertThat(event.getAttributes().getAgeYears()).isBetween(18f, 80f);
                assertThat(event.getAttributes().getHair().getColourHex()).isEqualTo(event.getColours().getHair());
            }

            // The operator's view of the same run: ready, and callface's own series with the run's figures.
            String base = "http://127.0.0.1:" + stack.app().httpPort();
            assertThat(get(base + "/health/ready").statusCode()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                String metrics = get(base + "/metrics").body();
                assertThat(metrics)
                        .contains("callface_chunks_in_total 3125.0")
                        .contains("callface_windows_emitted_total{kind=\"full\"} 5.0")
                        .contains("callface_windows_emitted_total{kind=\"provisional\"} 5.0")
                        .contains("callface_speakers_active 0.0")
                        .contains("callface_model_info{version=\"" + manifest.version() + "\"} 1")
                        .contains("callface_window_latency_seconds_count 10")
                        .contains("callface_inference_batch_size_count")
                        .contains("kafka_stream_thread_process_total");
            });
        }
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int trainer(String... args) {
        return new CommandLine(new TrainerCli()).execute(args);
    }

    private static BufferedImage png(ByteBuffer bytes) throws IOException {
        byte[] array = new byte[bytes.remaining()];
        bytes.duplicate().get(array);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(array));
        assertThat(image).as("PNG decodes").isNotNull();
        return image;
    }

    private static BufferedImage drawnBy(OnnxFaceDecoder decoder, AvatarEvent event) throws IOException {
        float[] fused = new float[event.getFusedEmbedding().size()];
        for (int i = 0; i < fused.length; i++) {
            fused[i] = event.getFusedEmbedding().get(i);
        }
        float[] image = decoder.decode(fused).image();
        int side = (int) Math.round(Math.sqrt(image.length / 3.0));
        return png(ByteBuffer.wrap(FaceImageEncoder.toPng(image, side, side, event.getImageWidth())));
    }

    /** Equal to one 8-bit step per channel: the stream decodes in batches, whose last float bits may differ. */
    private static void assertSamePixels(BufferedImage actual, BufferedImage expected) {
        assertThat(actual.getWidth()).isEqualTo(expected.getWidth());
        assertThat(actual.getHeight()).isEqualTo(expected.getHeight());
        for (int y = 0; y < actual.getHeight(); y++) {
            for (int x = 0; x < actual.getWidth(); x++) {
                int a = actual.getRGB(x, y);
                int e = expected.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    assertThat(Math.abs((a >> shift & 0xff) - (e >> shift & 0xff))).as("pixel %d,%d", x, y)
                            .isLessThanOrEqualTo(1);
                }
            }
        }
    }

    private static long distinctColours(BufferedImage image) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
