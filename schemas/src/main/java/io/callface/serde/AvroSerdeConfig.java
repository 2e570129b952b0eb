package io.callface.serde;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * Configuration of {@link AvroSerializer}, {@link AvroDeserializer} and {@link AvroSerde} when Kafka builds them
 * from properties (no-arg constructor, then {@code configure(Map, isKey)}).
 */
public final class AvroSerdeConfig extends AbstractConfig {

    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String SCHEMA_REGISTRY_URL_DOC = "Comma-separated base URLs of a Confluent-compatible schema "
            + "registry (http or https, tried in order), or mock://scope for the in-JVM test registry of that scope.";

    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    public static final String BASIC_AUTH_USER_INFO_DOC = "user:password for HTTP basic auth against the registry; "
            + "empty for none.";

    public static final String REQUEST_TIMEOUT_MS = "schema.registry.request.timeout.ms";
    public static final String REQUEST_TIMEOUT_MS_DOC = "Limit in milliseconds on connecting to the registry and on "
            + "each request.";

    public static final String KEY_TYPE = "callface.avro.key.type";
    public static final String KEY_TYPE_DOC = "Generated Avro class (SpecificRecord) of record keys.";

    public static final String VALUE_TYPE = "callface.avro.value.type";
    public static final String VALUE_TYPE_DOC = "Generated Avro class (SpecificRecord) of record values.";

    private static final ConfigDef CONFIG = new ConfigDef()
            .define(SCHEMA_REGISTRY_URL, ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE,
                    new ConfigDef.NonEmptyString(), ConfigDef.Importance.HIGH, SCHEMA_REGISTRY_URL_DOC)
            .define(BASIC_AUTH_USER_INFO, ConfigDef.Type.PASSWORD, "", ConfigDef.Importance.MEDIUM,
                    BASIC_AUTH_USER_INFO_DOC)
            .define(REQUEST_TIMEOUT_MS, ConfigDef.Type.INT,
                    (int) SchemaRegistryClients.DEFAULT_REQUEST_TIMEOUT.toMillis(), ConfigDef.Range.atLeast(1),
                    ConfigDef.Importance.LOW, REQUEST_TIMEOUT_MS_DOC)
            .define(KEY_TYPE, ConfigDef.Type.CLASS, null, ConfigDef.Importance.MEDIUM, KEY_TYPE_DOC)
            .define(VALUE_TYPE, ConfigDef.Type.CLASS, null, ConfigDef.Importance.MEDIUM, VALUE_TYPE_DOC);

    public AvroSerdeConfig(Map<String, ?> props) {
        super(CONFIG, props, false);
    }

    /** The definition of every key, for documentation. */
    public static ConfigDef configDef() {
        return new ConfigDef(CONFIG);
    }

    /** The registry client the configured URL names. */
    public SchemaRegistryClient registryClient() {
        String userInfo = getPassword(BASIC_AUTH_USER_INFO).value();
        return SchemaRegistryClients.forUrl(getString(SCHEMA_REGISTRY_URL),
                userInfo.isEmpty() ? Optional.empty() : Optional.of(userInfo),
                Duration.ofMillis(getInt(REQUEST_TIMEOUT_MS)));
    }

    /**
     * The configured generated class of keys or values.
     *
     * @throws ConfigException naming the key when it is missing or not a {@link SpecificRecord}
     */
    public <T extends SpecificRecord> Class<T> recordType(boolean isKey) {
        String key = isKey ? KEY_TYPE : VALUE_TYPE;
        Class<?> type = getClass(key);
        if (type == null) {
            throw new ConfigException(key, null, "missing: name the generated Avro class, e.g. io.callface.avro.AudioChunk");
        }
        if (!SpecificRecord.class.isAssignableFrom(type)) {
            throw new ConfigException(key, type.getName(), "not an Avro SpecificRecord class");
        }
        @SuppressWarnings("unchecked")
        Class<T> recordType = (Class<T>) type;
        return recordType;
    }
}
