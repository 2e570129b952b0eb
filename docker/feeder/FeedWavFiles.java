import io.callface.avro.AudioChunk;
import io.callface.serde.AvroSerde;
import io.callface.serde.SchemaRegistryClients;
import io.callface.stream.audio.Audio;
import io.callface.stream.audio.WavReader;
import io.callface.stream.demo.AudioFeeder;
import io.callface.stream.demo.CallerAudio;
import io.callface.stream.window.SpeakerId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The compose feeder: publishes WAV files as one call's participants, 20 ms PCM16 AudioChunks in real time,
 * through the same AudioFeeder the demo uses. Runs as a single-file source program on a callface jar:
 * {@code java -cp trainer.jar FeedWavFiles.java BOOTSTRAP REGISTRY_URL TOPIC CALL_ID WAV...}
 */
public final class FeedWavFiles {
    private FeedWavFiles() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            System.err.println("usage: FeedWavFiles BOOTSTRAP REGISTRY_URL TOPIC CALL_ID WAV...");
            System.exit(2);
        }
        String callId = args[3];
        List<CallerAudio> callers = new ArrayList<>();
        for (int i = 4; i < args.length; i++) {
            Audio audio = WavReader.read(Path.of(args[i]));
            callers.add(new CallerAudio(new SpeakerId(callId, "caller-" + (i - 3)), audio.samples(), audio.sampleRate()));
        }
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        AvroSerde<AudioChunk> serde = new AvroSerde<>(SchemaRegistryClients.forUrl(args[1]), AudioChunk.class);
        try (AudioFeeder feeder = new AudioFeeder(new KafkaProducer<>(props, new StringSerializer(), serde.serializer()), args[2])) {
            feeder.start(callers, 1.0).get();
        }
        System.out.printf("Published %d callers of call %s to %s%n", callers.size(), callId, args[2]);
    }
}
