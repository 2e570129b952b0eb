package io.callface.trainer.cli;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The stream processor's {@code CALLFACE_*} environment as {@code publish} reads it, so that a trainer job run
 * beside the processors (the Helm chart and compose set these variables) reaches the same cluster: the brokers,
 * the registry, the models topic, and every {@code CALLFACE_KAFKA_*} variable as a Kafka client setting
 * ({@code CALLFACE_KAFKA_SASL_JAAS_CONFIG} is {@code sasl.jaas.config}). The names follow the processor's
 * {@code EnvironmentSettings}; the trainer does not depend on the processor, and a test holds the two to the same
 * names.
 */
record StreamEnvironment(Optional<String> bootstrapServers, Optional<String> schemaRegistryUrl,
                         Optional<String> modelsTopic, Properties kafkaClientSettings) {

    static final String BOOTSTRAP_SERVERS = "CALLFACE_BOOTSTRAP_SERVERS";
    static final String SCHEMA_REGISTRY_URL = "CALLFACE_SCHEMA_REGISTRY_URL";
    static final String MODELS_TOPIC = "CALLFACE_MODELS_TOPIC";
    static final String KAFKA_PREFIX = "CALLFACE_KAFKA_";

    StreamEnvironment {
        Properties copy = new Properties();
        copy.putAll(kafkaClientSettings);
        kafkaClientSettings = copy;
    }

    /** The settings {@code environment} carries; variables that are not the processor's are ignored. */
    static StreamEnvironment from(Map<String, String> environment) {
        Properties kafka = new Properties();
        new TreeMap<>(environment).forEach((variable, value) -> {
            if (variable.startsWith(KAFKA_PREFIX) && variable.length() > KAFKA_PREFIX.length()) {
                kafka.put(variable.substring(KAFKA_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.'), value);
            }
        });
        return new StreamEnvironment(Optional.ofNullable(environment.get(BOOTSTRAP_SERVERS)),
                Optional.ofNullable(environment.get(SCHEMA_REGISTRY_URL)),
                Optional.ofNullable(environment.get(MODELS_TOPIC)), kafka);
    }

    @Override
    public Properties kafkaClientSettings() {
        Properties copy = new Properties();
        copy.putAll(kafkaClientSettings);
        return copy;
    }
}
