package io.callface.stream.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.callface.avro.AudioChunk;
import io.callface.serde.AvroSerde;
import io.callface.serde.SchemaRegistryClients;
import io.callface.audio.Audio;
import io.callface.audio.WavWriter;
import io.callface.stream.testing.KafkaBrokerExtension;
import io.callface.stream.testing.TestAudio;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `feed` publishes synthetic callers and WAV files as consented 20 ms chunks to any broker. */
class FeedCommandIT {
    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @TempDir
    Path temp;

    @Test
    void publishesEveryParticipantInSequenceWithAnEndOfStream() throws Exception {
        String topic = "feed-it-" + UUID.randomUUID();
        String registry = "mock://" + UUID.randomUUID();
        KAFKA.broker().createTopics(List.of(new NewTopic(topic, 2, (short) 1)));
        Path wav = temp.resolve("caller.wav");
        WavWriter.write(wav, new Audio(TestAudio.voiced(0, 50), 16_000)); // 1 s

        int exit = new CommandLine(new FeedCommand()).execute("--bootstrap-servers", KAFKA.bootstrapServers(),
                "--schema-registry-url", registry, "--topic", topic, "--speed", "100", "--seconds", "1", wav.toString());
        assertThat(exit).isZero();

        List<AudioChunk> chunks = new ArrayList<>();
        try (KafkaConsumer<String, AudioChunk> consumer = consumer(registry)) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    assertThat(record.key()).isEqualTo(record.value().getCallId() + "/" + record.value().getParticipantId());
                    chunks.add(record.value());
                });
                return chunks.size() >= 6 * 50;
            });
        }
        Map<String, List<AudioChunk>> bySpeaker = chunks.stream().collect(Collectors.groupingBy(
                c -> c.getCallId() + "/" + c.getParticipantId()));
        // Five synthetic participants in two calls plus the WAV file's, 1 s (50 chunks) each.
        assertThat(bySpeaker).hasSize(6).containsKey("wav-1/file-1");
        assertThat(bySpeaker.values()).allSatisfy(stream -> {
            assertThat(stream).extracting(AudioChunk::getSequence).containsExactlyElementsOf(
                    LongStream.range(0, 50).boxed().toList());
            assertThat(stream).allMatch(AudioChunk::getConsent);
            assertThat(stream).filteredOn(AudioChunk::getEndOfStream).hasSize(1);
            assertThat(stream.get(49).getEndOfStream()).isTrue();
        });
    }

    @Test
    void refusesBadArgumentsWithExitCode2() {
        assertThat(new CommandLine(new FeedCommand()).execute("--speed", "0")).isEqualTo(2);
        assertThat(new CommandLine(new FeedCommand()).execute("--no-synthetic")).isEqualTo(2);
        assertThat(new CommandLine(new FeedCommand()).execute(temp.resolve("missing.wav").toString())).isEqualTo(2);
    }

    private static KafkaConsumer<String, AudioChunk> consumer(String registry) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "feed-it");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(props, new StringDeserializer(),
                new AvroSerde<>(SchemaRegistryClients.forUrl(registry), AudioChunk.class).deserializer());
    }
}
