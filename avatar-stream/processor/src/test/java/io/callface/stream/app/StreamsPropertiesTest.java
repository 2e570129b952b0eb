package io.callface.stream.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.callface.stream.config.AvatarStreamConfig;
import io.callface.stream.errors.DeadLetterDeserializationHandler;
import io.callface.stream.errors.DeadLetterProcessingHandler;
import io.callface.stream.errors.DeadLetterProductionHandler;
import io.callface.stream.errors.DeadLetters;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class StreamsPropertiesTest {
    @Test
    void exactlyOnceWithDeadLetterHandlersAndClientOverrides() {
        Properties props = StreamsProperties.from(new AvatarStreamConfig(Map.of(
                "bootstrap.servers", "a:9092,b:9092",
                "schema.registry.url", "http://registry:8081",
                "model.dir", "/m",
                "kafka.security.protocol", "SSL")));

        assertThat(props.get(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG)).isEqualTo("a:9092,b:9092");
        assertThat(props.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
        assertThat(props.get(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG))
                .isEqualTo(DeadLetterDeserializationHandler.class);
        assertThat(props.get(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG))
                .isEqualTo(DeadLetterProcessingHandler.class);
        assertThat(props.get(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG))
                .isEqualTo(DeadLetterProductionHandler.class);
        assertThat(props.get(DeadLetters.TOPIC_CONFIG)).isEqualTo("callface.dlq");
        assertThat(props.keySet()).noneMatch(key -> key.toString().startsWith(StreamsConfig.TOPIC_PREFIX));
        assertThat(props.get("security.protocol")).isEqualTo("SSL");
        // A valid Kafka Streams configuration as a whole.
        assertThat(new StreamsConfig(props).getString(StreamsConfig.APPLICATION_ID_CONFIG)).isEqualTo("callface-avatar-stream");
    }
}
