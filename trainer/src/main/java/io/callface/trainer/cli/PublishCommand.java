package io.callface.trainer.cli;

import io.callface.avro.ModelRelease;
import io.callface.serde.AvroSerde;
import io.callface.serde.SchemaRegistryClients;
import io.callface.model.AttributeContract;
import io.callface.model.ModelContract;
import io.callface.model.ModelManifest;
import io.callface.trainer.onnx.ModelDirectory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Announces a trained model directory as a {@link ModelRelease} on the compacted models topic; every running
 * avatar-stream instance fetches it, verifies the digests and the ONNX contract, and swaps to it.
 */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = "Publish a model directory as a ModelRelease so running stream processors swap to it.")
final class PublishCommand implements Callable<Integer> {
    /** The models topic is compacted on this key: the latest release is the current one. */
    static final String RELEASE_KEY = "current";

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "Model directory (encoder.onnx, decoder.onnx, model.json).")
    private Path modelDir;

    @Option(names = "--uri-base", paramLabel = "URI", description = "Where the stream processors read the files (default: the directory's file: URI).")
    private String uriBase;

    @Option(names = "--bootstrap-servers", description = "Kafka brokers (default: CALLFACE_BOOTSTRAP_SERVERS, else 127.0.0.1:9092).")
    private String bootstrapServers;

    @Option(names = "--schema-registry-url", description = "Confluent-compatible schema registry (default: CALLFACE_SCHEMA_REGISTRY_URL, else http://127.0.0.1:8081).")
    private String registryUrl;

    @Option(names = "--topic", description = "Models topic (default: CALLFACE_MODELS_TOPIC, else callface.models).")
    private String topic;

    @Override
    public Integer call() throws Exception {
        ModelManifest manifest;
        try {
            manifest = ModelDirectory.open(modelDir).manifest();
        } catch (RuntimeException e) {
            System.err.println("publish: " + e.getMessage());
            return 2;
        }
        String base = uriBase != null ? uriBase.replaceAll("/+$", "") : modelDir.toAbsolutePath().toUri().toString().replaceAll("/+$", "");
        ModelRelease release = ModelRelease.newBuilder()
                .setVersion(manifest.version())
                .setPreset(manifest.preset())
                .setFeatureDim(manifest.featureDim())
                .setEncoderUri(base + "/" + ModelContract.ENCODER_FILE)
                .setDecoderUri(base + "/" + ModelContract.DECODER_FILE)
                .setEncoderSha256(manifest.sha256().get(ModelContract.ENCODER_FILE))
                .setDecoderSha256(manifest.sha256().get(ModelContract.DECODER_FILE))
                // Pins the optional attribute head (null without one), which the processors fetch beside the encoder.
                .setAttributesSha256(manifest.sha256().get(AttributeContract.ATTRIBUTES_FILE))
                .setMetrics(manifest.metrics())
                .setCreatedAt(Instant.now())
                .build();
        // The stream processor's CALLFACE_* environment (as the Helm chart sets it) supplies defaults and the
        // kafka.* client settings (SASL, TLS).
        StreamEnvironment env = StreamEnvironment.from(System.getenv());
        String brokers = firstOf(bootstrapServers, env.bootstrapServers(), "127.0.0.1:9092");
        String registry = firstOf(registryUrl, env.schemaRegistryUrl(), "http://127.0.0.1:8081");
        String modelsTopic = firstOf(topic, env.modelsTopic(), "callface.models");
        Properties props = env.kafkaClientSettings();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaProducer<String, ModelRelease> producer = new KafkaProducer<>(props, new StringSerializer(),
                new AvroSerde<>(SchemaRegistryClients.forUrl(registry), ModelRelease.class).serializer())) {
            producer.send(new ProducerRecord<>(modelsTopic, RELEASE_KEY, release)).get();
        }
        System.out.printf("Published model %s (%s, D=%d) to %s: %s%n", release.getVersion(), release.getPreset(),
                release.getFeatureDim(), modelsTopic, release.getEncoderUri());
        return 0;
    }

    private static String firstOf(String option, Optional<String> environment, String fallback) {
        return option != null ? option : environment.orElse(fallback);
    }
}
