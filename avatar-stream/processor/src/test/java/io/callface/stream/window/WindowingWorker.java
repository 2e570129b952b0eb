package io.callface.stream.window;

import io.callface.avro.AudioChunk;
import io.callface.avro.AvatarEvent;
import io.callface.serde.AvroSerde;
import io.callface.serde.SchemaRegistryClient;
import io.callface.stream.app.StreamsProperties;
import io.callface.stream.config.AvatarStreamConfig;
import io.callface.stream.testing.FakeAvatars;
import io.callface.stream.topology.AvatarTopology;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;

/**
 * A second windowing instance for {@link WindowingIT}, run in its own JVM so that the test can kill it: the
 * callface topology with {@link FakeAvatars}, configured by {@code key=value} arguments (callface settings).
 * It prints every state change as {@value #STATE_PREFIX}STATE and runs until killed or until stdin closes.
 */
public final class WindowingWorker {
    static final String STATE_PREFIX = "windowing-worker state: ";

    private WindowingWorker() {
    }

    public static void main(String[] args) throws IOException {
        AvatarStreamConfig config = new AvatarStreamConfig(settings(args));
        SchemaRegistryClient registry = config.schemaRegistryClient();
        try (KafkaStreams streams = new KafkaStreams(AvatarTopology.build(config, FakeAvatars::of, WindowEvents.NONE,
                new AvroSerde<>(registry, AudioChunk.class), new AvroSerde<>(registry, AvatarEvent.class)),
                StreamsProperties.from(config))) {
            streams.setStateListener((now, before) -> {
                System.out.println(STATE_PREFIX + now);
                System.out.flush();
            });
            streams.start();
            // The parent closing our stdin is the polite stop; a kill is the other one.
            while (System.in.read() >= 0) {
                continue;
            }
            streams.close(Duration.ofSeconds(10));
        }
    }

    static Map<String, Object> settings(String[] args) {
        Map<String, Object> values = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("argument: '" + arg + "' is not key=value");
            }
            values.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        return values;
    }
}
