package io.callface.stream.dev;

import io.callface.avro.AudioChunk;
import io.callface.serde.AvroSerde;
import io.callface.serde.SchemaRegistryClients;
import io.callface.stream.demo.AudioFeeder;
import io.callface.stream.demo.DemoCallers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Publishes synthetic callers and WAV files as AudioChunks to any broker and registry, like a call platform. */
@Command(name = "feed", mixinStandardHelpOptions = true,
        description = {"Publish one round of calls (two calls of synthetic callers, plus one call of the WAV files) "
                + "as 20 ms PCM16 AudioChunks in the Confluent wire format, keyed callId/participantId.",
                "With --no-synthetic only the WAV files are published."})
final class FeedCommand implements Callable<Integer> {
    @Option(names = "--bootstrap-servers", defaultValue = "127.0.0.1:9092", description = "Kafka brokers (default: ${DEFAULT-VALUE}).")
    private String bootstrapServers;

    @Option(names = "--schema-registry-url", defaultValue = "http://127.0.0.1:8081", description = "Confluent-compatible schema registry (default: ${DEFAULT-VALUE}).")
    private String registryUrl;

    @Option(names = "--topic", defaultValue = "callface.audio", description = "Audio topic (default: ${DEFAULT-VALUE}).")
    private String topic;

    @Option(names = "--speed", defaultValue = "1.0", description = "1.0 publishes in real time, 2.0 twice as fast (default: ${DEFAULT-VALUE}).")
    private double speed;

    @Option(names = "--seconds", defaultValue = "20", description = "How long each synthetic caller's call lasts; the voice gate hears voice for 52 %% of it (default: ${DEFAULT-VALUE}).")
    private double seconds;

    @Option(names = "--round", defaultValue = "1", description = "Suffix of the call ids, e.g. standup-<round> (default: ${DEFAULT-VALUE}).")
    private int round;

    @Option(names = "--no-synthetic", description = "Publish only the WAV files.")
    private boolean wavOnly;

    @Parameters(paramLabel = "WAV", description = "WAV files to publish, one participant each, in call wav-<round>.")
    private List<Path> wavFiles = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        if (!(speed > 0) || !(seconds > 0)) {
            System.err.println("feed: --speed and --seconds must be positive, got " + speed + " and " + seconds);
            return 2;
        }
        for (Path wav : wavFiles) {
            if (!Files.isReadable(wav)) {
                System.err.println("feed: cannot read WAV file " + wav);
                return 2;
            }
        }
        var callers = DemoCallers.round(round, seconds, wavFiles, DemoCallers.SEED).stream()
                .filter(c -> !wavOnly || c.speaker().callId().startsWith("wav-")).toList();
        if (callers.isEmpty()) {
            System.err.println("feed: nothing to publish (--no-synthetic needs WAV files)");
            return 2;
        }
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        var producer = new KafkaProducer<String, AudioChunk>(props, new StringSerializer(),
                new AvroSerde<>(SchemaRegistryClients.forUrl(registryUrl), AudioChunk.class).serializer());
        try (AudioFeeder feeder = new AudioFeeder(producer, topic)) {
            System.out.printf("Publishing %d participants to %s on %s at %.1fx%n", callers.size(), topic, bootstrapServers, speed);
            feeder.start(callers, speed).get();
            System.out.println("Done: every participant's last chunk carries endOfStream.");
            return 0;
        } catch (ExecutionException e) {
            System.err.println("feed: publishing failed: " + e.getCause().getMessage());
            return 1;
        }
    }
}
