package io.callface.stream.app;

import io.callface.stream.config.AvatarStreamConfig;
import io.callface.stream.errors.DeadLetterDeserializationHandler;
import io.callface.stream.errors.DeadLetterProcessingHandler;
import io.callface.stream.errors.DeadLetterProductionHandler;
import io.callface.stream.errors.DeadLetters;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;

/** Derives the Kafka Streams client configuration from callface's own. */
public final class StreamsProperties {
    private StreamsProperties() {
    }

    /** As {@link #from(AvatarStreamConfig)}, advertising {@code applicationServer} for interactive queries. */
    public static Properties from(AvatarStreamConfig config, HostInfo applicationServer) {
        Properties props = from(config);
        props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, applicationServer.host() + ":" + applicationServer.port());
        return props;
    }

    public static Properties from(AvatarStreamConfig config) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.getString(AvatarStreamConfig.APPLICATION_ID_CONFIG));
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG,
                String.join(",", config.getList(AvatarStreamConfig.BOOTSTRAP_SERVERS_CONFIG)));
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, config.getString(AvatarStreamConfig.PROCESSING_GUARANTEE_CONFIG));
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.getInt(AvatarStreamConfig.NUM_STREAM_THREADS_CONFIG));
        String stateDir = config.getString(AvatarStreamConfig.STATE_DIR_CONFIG);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.isEmpty()
                ? Path.of(System.getProperty("java.io.tmpdir"), "callface-streams").toString() : stateDir);
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterDeserializationHandler.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class);
        props.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProductionHandler.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        // The dead-letter handlers read these two from the Streams configuration they are given.
        props.put(DeadLetters.TOPIC_CONFIG, config.dlqTopic());
        props.put(DeadLetters.REGISTRY_URL_CONFIG, config.schemaRegistryUrl());
        config.schemaRegistryUserInfo().ifPresent(info -> props.put(DeadLetters.REGISTRY_USER_INFO_CONFIG, info));
        // One window's inference must finish well inside the transaction; avatars are small but not tiny.
        props.put(StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG), 30_000);
        props.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
        props.putAll(config.kafkaOverrides());
        return props;
    }
}
