package io.callface.stream.config;

import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigException;

/**
 * Maps environment variables to {@link AvatarStreamConfig} settings, the way containers and Kubernetes pass
 * configuration: {@code CALLFACE_} + the key upper-cased with dots as underscores. A documented key maps back
 * by name ({@code CALLFACE_BOOTSTRAP_SERVERS} is {@code bootstrap.servers}); any other {@code CALLFACE_KAFKA_*}
 * variable is a Kafka client setting, lower-cased with underscores as dots ({@code CALLFACE_KAFKA_SASL_JAAS_CONFIG}
 * is {@code kafka.sasl.jaas.config}). Any other {@code CALLFACE_*} variable is rejected, so a typo cannot
 * silently leave a default in place. Values are never put into messages: they may be secrets.
 */
public final class EnvironmentSettings {

    /** Prefix of every variable read. */
    public static final String PREFIX = "CALLFACE_";

    private static final String KAFKA_VARIABLE_PREFIX = variableFor(AvatarStreamConfig.KAFKA_PREFIX);

    private static final Map<String, String> DOCUMENTED_KEYS_BY_VARIABLE = AvatarStreamConfig.CONFIG_DEF.names().stream()
            .collect(Collectors.toUnmodifiableMap(EnvironmentSettings::variableFor, Function.identity()));

    private EnvironmentSettings() {
    }

    /** The variable that carries {@code key}: {@code CALLFACE_} + key upper-cased, dots as underscores. */
    public static String variableFor(String key) {
        return PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    /**
     * The setting a {@code CALLFACE_*} variable carries.
     *
     * @throws ConfigException naming the variable when it names neither a documented key nor a Kafka client setting
     */
    public static String keyFor(String variable) {
        if (!variable.startsWith(PREFIX)) {
            throw new ConfigException("Environment variable " + variable + " does not start with " + PREFIX);
        }
        String documented = DOCUMENTED_KEYS_BY_VARIABLE.get(variable);
        if (documented != null) {
            return documented;
        }
        if (variable.startsWith(KAFKA_VARIABLE_PREFIX) && variable.length() > KAFKA_VARIABLE_PREFIX.length()) {
            return AvatarStreamConfig.KAFKA_PREFIX
                    + variable.substring(KAFKA_VARIABLE_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
        }
        throw new ConfigException("Environment variable " + variable + " names no callface setting; use "
                + PREFIX + "<documented key, upper-cased, dots as underscores> (see run --print-config-docs) or "
                + KAFKA_VARIABLE_PREFIX + "<Kafka client setting>");
    }

    /**
     * The settings carried by the {@code CALLFACE_*} entries of {@code environment}, keyed by setting name in
     * sorted order; other variables are ignored.
     *
     * @throws ConfigException naming the first variable that maps to no setting
     */
    public static Map<String, String> from(Map<String, String> environment) {
        Map<String, String> settings = new TreeMap<>();
        new TreeMap<>(environment).forEach((variable, value) -> {
            if (variable.startsWith(PREFIX)) {
                settings.put(keyFor(variable), value);
            }
        });
        return settings;
    }

    /** {@code fileSettings} (left unchanged) overlaid with the environment's settings, which win. */
    public static Properties overlay(Properties fileSettings, Map<String, String> environment) {
        Properties merged = new Properties();
        merged.putAll(fileSettings);
        merged.putAll(from(environment));
        return merged;
    }
}
