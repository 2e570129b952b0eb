package io.callface.trainer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.callface.avro.ModelRelease;
import io.callface.serde.AvroSerde;
import io.callface.serde.SchemaRegistryClients;
import io.callface.stream.inference.FaceModel;
import io.callface.stream.inference.InferenceOptions;
import io.callface.stream.inference.ModelReleaseLoader;
import io.callface.stream.inference.TinyFaceModelWriter;
import io.callface.model.ModelManifest;
import io.callface.stream.testing.KafkaBrokerExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `trainer publish` announces a model directory that the stream processor's release loader then accepts. */
class PublishCommandIT {
    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @TempDir
    Path temp;

    @Test
    void aPublishedReleaseIsTheOneTheStreamProcessorLoads() throws Exception {
        String topic = "models-" + UUID.randomUUID();
        String registry = "mock://" + UUID.randomUUID();
        KAFKA.broker().createTopics(List.of(new NewTopic(topic, 1, (short) 1)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))));
        Path modelDir = temp.resolve("model");
        ModelManifest manifest = new TinyFaceModelWriter().version("published-1").withAttributes().write(modelDir);

        int exit = new CommandLine(new TrainerCli()).execute("publish", "--model", modelDir.toString(),
                "--bootstrap-servers", KAFKA.bootstrapServers(), "--schema-registry-url", registry, "--topic", topic);
        assertThat(exit).isZero();

        List<ConsumerRecord<String, ModelRelease>> records = new ArrayList<>();
        try (KafkaConsumer<String, ModelRelease> consumer = consumer(registry)) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return !records.isEmpty();
            });
        }
        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("current");
            ModelRelease release = record.value();
            assertThat(release.getVersion()).isEqualTo("published-1");
            assertThat(release.getFeatureDim()).isEqualTo(manifest.featureDim());
            assertThat(release.getEncoderSha256()).isEqualTo(manifest.sha256().get("encoder.onnx"));
            assertThat(release.getEncoderUri()).startsWith("file:").endsWith("/encoder.onnx");
            assertThat(release.getAttributesSha256()).isEqualTo(manifest.sha256().get("attributes.onnx")).isNotNull();
            try (FaceModel model = new ModelReleaseLoader(temp.resolve("cache"), InferenceOptions.cpu(1)).load(release)) {
                assertThat(model.version()).isEqualTo("published-1");
                assertThat(model.hasAttributes()).isTrue();
            }
        });
    }

    @Test
    void aTamperedDirectoryIsNotPublished() throws Exception {
        Path modelDir = temp.resolve("tampered");
        new TinyFaceModelWriter().write(modelDir);
        byte[] decoder = Files.readAllBytes(modelDir.resolve("decoder.onnx"));
        decoder[decoder.length / 2] ^= 1;
        Files.write(modelDir.resolve("decoder.onnx"), decoder);

        int exit = new CommandLine(new TrainerCli()).execute("publish", "--model", modelDir.toString(),
                "--bootstrap-servers", KAFKA.bootstrapServers(), "--schema-registry-url", "mock://unused");
        assertThat(exit).isEqualTo(2);
    }

    private static KafkaConsumer<String, ModelRelease> consumer(String registry) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "publish-it");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(props, new StringDeserializer(),
                new AvroSerde<>(SchemaRegistryClients.forUrl(registry), ModelRelease.class).deserializer());
    }
}
