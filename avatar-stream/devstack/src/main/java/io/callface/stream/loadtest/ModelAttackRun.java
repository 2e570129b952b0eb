package io.callface.stream.loadtest;

import io.callface.avro.DeadLetter;
import io.callface.avro.ModelRelease;
import io.callface.serde.AvroDeserializer;
import io.callface.serde.AvroSerializer;
import io.callface.stream.config.AvatarStreamConfig;
import io.callface.model.ModelContract;
import io.callface.model.ModelManifest;
import io.callface.model.Sha256;
import io.callface.stream.synth.VoiceLoops;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * The model-file attack run: while valid participants speak, publishes one hostile {@link ModelRelease} of each
 * {@link ModelAttack}, built from the serving model directory, to the models topic. Each must be rejected (a
 * dead letter naming its offset on the models topic, with a reason; the follower also logs it), the serving
 * version must not change, and every window must still arrive exactly once.
 */
public final class ModelAttackRun {
    private static final Duration SETTLE = Duration.ofSeconds(60);
    private static final String KEY = "current";

    /**
     * @param load           the valid traffic's run
     * @param reasons        each attack's dead-letter reason (absent: not rejected)
     * @param versionBefore  the version serving before the attacks
     * @param versionAfter   the version serving afterwards
     * @param neverStopped   the application stayed RUNNING throughout
     */
    public record Result(LoadResult load, Map<ModelAttack, String> reasons, String versionBefore, String versionAfter,
                         boolean neverStopped) {
        public Result {
            reasons = Map.copyOf(reasons);
        }

        public boolean passed() {
            return reasons.size() == ModelAttack.values().length && versionBefore.equals(versionAfter) && neverStopped
                    && load.exactlyOnce() && load.drainMs() >= 0;
        }

        public String markdown() {
            StringBuilder md = new StringBuilder(LoadReport.markdown("Model-file attack: the valid traffic", List.of(load)));
            md.append("\n## Model-file attack: ").append(ModelAttack.values().length).append(" hostile releases\n\n");
            md.append("| attack | what | rejected | dead-letter reason |\n|---|---|---|---|\n");
            for (ModelAttack attack : ModelAttack.values()) {
                String reason = reasons.get(attack);
                md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", attack, attack.description(),
                        reason == null ? "**no**" : "yes", reason == null ? "" : reason.replace("|", "\\|").replace("\n", " ")));
            }
            md.append(String.format(Locale.ROOT, "%nServing before: %s, after: %s. Application stayed RUNNING: %s. Passed: %s.%n",
                    versionBefore, versionAfter, neverStopped ? "yes" : "no", passed() ? "yes" : "**no**"));
            return md.toString();
        }
    }

    private ModelAttackRun() {
    }

    public static Result run(BenchStack stack, LoadPlan plan, VoiceLoops loops, Path workDir, LoadRun.Options options)
            throws InterruptedException {
        AvatarStreamConfig config = stack.config();
        String before = stack.app().modelVersion();
        Path served = config.modelDir().orElseThrow(() -> new IllegalStateException(
                "the model-attack run derives its hostile releases from the served model directory; none is set"));
        Map<ModelAttack, byte[]> releases = releases(served, workDir, config);
        Map<Long, ModelAttack> offsets = new HashMap<>();
        LoadResult load;
        try (KafkaProducer<byte[], byte[]> producer = stack.clients().rawProducer()) {
            load = LoadRun.run(stack.clients(), plan, loops, options, () -> {
                long spacing = plan.duration().toNanos() / (releases.size() + 1);
                for (Map.Entry<ModelAttack, byte[]> release : releases.entrySet()) {
                    LockSupport.parkNanos(spacing);
                    try {
                        long offset = producer.send(new ProducerRecord<>(config.modelsTopic(),
                                KEY.getBytes(StandardCharsets.UTF_8), release.getValue())).get().offset();
                        offsets.put(offset, release.getKey());
                    } catch (ExecutionException e) {
                        throw new IllegalStateException("cannot publish the " + release.getKey() + " release: " + e.getCause(), e);
                    }
                }
            });
        }
        Map<ModelAttack, String> reasons = readRejections(stack, offsets);
        return new Result(load, reasons, before, stack.app().modelVersion(), stack.neverStopped());
    }

    /** Every attack's release, as the bytes published to the models topic. */
    static Map<ModelAttack, byte[]> releases(Path modelDir, Path workDir, AvatarStreamConfig config) {
        ModelManifest manifest = ModelManifest.read(modelDir);
        byte[] encoder = read(modelDir.resolve(ModelContract.ENCODER_FILE));
        byte[] decoder = read(modelDir.resolve(ModelContract.DECODER_FILE));
        AvroSerializer<ModelRelease> serializer = new AvroSerializer<>(config.schemaRegistryClient(), ModelRelease.class);
        Map<ModelAttack, byte[]> releases = new EnumMap<>(ModelAttack.class);
        for (ModelAttack attack : ModelAttack.values()) {
            String version = "attack-" + attack.name().toLowerCase(Locale.ROOT);
            Path dir = workDir.resolve(version);
            ModelRelease release = switch (attack) {
                case TRUNCATED_ENCODER -> directory(dir, manifest, version, Arrays.copyOf(encoder, encoder.length / 2), decoder).build();
                case ALTERED_DECODER -> {
                    ModelRelease.Builder intact = directory(dir, manifest, version, encoder, decoder);
                    byte[] altered = decoder.clone();
                    altered[altered.length / 2] ^= 0x01;
                    write(dir.resolve(ModelContract.DECODER_FILE), altered);
                    yield intact.build();
                }
                case SWAPPED_GRAPHS -> directory(dir, manifest, version, decoder, encoder).build();
                case RELABELLED_VERSION -> directory(dir, manifest, version, encoder, decoder).build();
                case MANIFEST_MISMATCH -> directory(dir, manifest, version, encoder, decoder).setFeatureDim(manifest.featureDim() + 1).build();
                case FOREIGN_URI -> directory(dir, manifest, version, encoder, decoder)
                        .setEncoderUri("ftp://models.example/" + ModelContract.ENCODER_FILE).build();
                case MISSING_FILE -> directory(dir, manifest, version, encoder, decoder)
                        .setEncoderUri(dir.resolve("missing").resolve(ModelContract.ENCODER_FILE).toUri().toString()).build();
                case GARBAGE_RELEASE -> null;
            };
            if (release == null) {
                byte[] garbage = new byte[256];
                new Random(attack.ordinal()).nextBytes(garbage);
                releases.put(attack, garbage);
            } else {
                releases.put(attack, serializer.serialize(config.modelsTopic(), release));
            }
        }
        return releases;
    }

    /** Writes a model directory of the given graphs with a consistent model.json, and its release. */
    private static ModelRelease.Builder directory(Path dir, ModelManifest original, String version, byte[] encoder, byte[] decoder) {
        write(dir.resolve(ModelContract.ENCODER_FILE), encoder);
        write(dir.resolve(ModelContract.DECODER_FILE), decoder);
        new ModelManifest(version, original.preset(), original.featureDim(), original.imageHeight(), original.imageWidth(),
                original.opset(), Instant.now().toString(),
                Map.of(ModelContract.ENCODER_FILE, Sha256.hex(encoder), ModelContract.DECODER_FILE, Sha256.hex(decoder)),
                original.metrics()).write(dir);
        return ModelRelease.newBuilder().setVersion(version).setPreset(original.preset())
                .setFeatureDim(original.featureDim())
                .setEncoderUri(dir.resolve(ModelContract.ENCODER_FILE).toUri().toString())
                .setDecoderUri(dir.resolve(ModelContract.DECODER_FILE).toUri().toString())
                .setEncoderSha256(Sha256.hex(encoder)).setDecoderSha256(Sha256.hex(decoder))
                .setMetrics(Map.of()).setCreatedAt(Instant.now());
    }

    private static Map<ModelAttack, String> readRejections(BenchStack stack, Map<Long, ModelAttack> offsets) {
        AvatarStreamConfig config = stack.config();
        AvroDeserializer<DeadLetter> letters = new AvroDeserializer<>(config.schemaRegistryClient(), DeadLetter.class);
        Map<ModelAttack, String> reasons = new EnumMap<>(ModelAttack.class);
        try (KafkaConsumer<byte[], byte[]> consumer = stack.clients().rawConsumer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(config.dlqTopic()).forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + SETTLE.toNanos();
            while (reasons.size() < offsets.size() && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    DeadLetter letter = letters.deserialize(record.topic(), record.value());
                    ModelAttack attack = config.modelsTopic().equals(letter.getSourceTopic())
                            ? offsets.get(letter.getSourceOffset()) : null;
                    if (attack != null && !letter.getReason().isBlank()) {
                        reasons.put(attack, letter.getReason());
                    }
                }
            }
        }
        return reasons;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

}
