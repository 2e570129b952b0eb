package io.callface.stream.inference;

import io.callface.avro.ModelRelease;
import io.callface.serde.AvroSerde;
import io.callface.stream.config.AvatarStreamConfig;
import io.callface.model.AttributeContract;
import io.callface.model.ModelContract;
import io.callface.model.ModelManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Model releases for integration tests: announcing a model directory, publishing it, tampering with it. */
final class TestReleases {
    private TestReleases() {
    }

    /** The release of the model written to {@code dir}, by {@code file:} URIs, pinning every file's digest. */
    static ModelRelease of(Path dir, ModelManifest manifest) {
        return ModelRelease.newBuilder()
                .setVersion(manifest.version())
                .setPreset(manifest.preset())
                .setFeatureDim(manifest.featureDim())
                .setEncoderUri(dir.resolve(ModelContract.ENCODER_FILE).toUri().toString())
                .setDecoderUri(dir.resolve(ModelContract.DECODER_FILE).toUri().toString())
                .setEncoderSha256(manifest.sha256().get(ModelContract.ENCODER_FILE))
                .setDecoderSha256(manifest.sha256().get(ModelContract.DECODER_FILE))
                .setAttributesSha256(manifest.sha256().get(AttributeContract.ATTRIBUTES_FILE))
                .setMetrics(Map.of())
                .setCreatedAt(Instant.now())
                .build();
    }

    /** Publishes {@code release} on the models topic under the key the trainer uses. */
    static void publish(KafkaProducer<String, byte[]> producer, AvatarStreamConfig config,
                        AvroSerde<ModelRelease> serde, ModelRelease release) {
        producer.send(new ProducerRecord<>(config.modelsTopic(), "current",
                serde.serializer().serialize(config.modelsTopic(), release)));
        producer.flush();
    }

    /** Alters one byte in the middle of {@code file}, so that it no longer matches its digest. */
    static void flipOneByte(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(file, bytes);
    }
}
