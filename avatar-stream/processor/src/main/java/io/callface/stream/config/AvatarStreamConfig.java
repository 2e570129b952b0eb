package io.callface.stream.config;

import io.callface.serde.SchemaRegistryClient;
import io.callface.serde.SchemaRegistryClients;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Every setting of the avatar-stream application, declared once with type, default, validator and doc
 * ({@code avatar-stream.jar run --print-config-docs} prints them). Settings prefixed {@value #KAFKA_PREFIX}
 * are handed, prefix removed, to the Kafka Streams clients (SASL, TLS, tuning) and are never logged.
 * No key starts with {@code topic.}: Kafka Streams reads that prefix as internal-topic settings.
 */
public final class AvatarStreamConfig extends AbstractConfig {

    public static final String KAFKA_PREFIX = "kafka.";

    public static final String BOOTSTRAP_SERVERS_CONFIG = "bootstrap.servers";
    private static final String BOOTSTRAP_SERVERS_DOC = "Kafka brokers to connect to, host:port[,host:port...].";

    public static final String APPLICATION_ID_CONFIG = "application.id";
    private static final String APPLICATION_ID_DOC = "Kafka Streams application id: consumer group, prefix of "
            + "internal topics. Every instance of one deployment uses the same id.";

    public static final String SCHEMA_REGISTRY_URL_CONFIG = "schema.registry.url";
    private static final String SCHEMA_REGISTRY_URL_DOC = "Confluent-compatible schema registry, http(s)://host:port "
            + "(comma-separated for several), or mock://scope for an in-process registry in tests.";

    public static final String SCHEMA_REGISTRY_USER_INFO_CONFIG = "schema.registry.basic.auth.user.info";
    private static final String SCHEMA_REGISTRY_USER_INFO_DOC = "user:password for the schema registry's HTTP basic "
            + "authentication; empty for none. Never logged.";

    public static final String AUDIO_TOPIC_CONFIG = "audio.topic";
    private static final String AUDIO_TOPIC_DOC = "Input topic of AudioChunk records keyed by 'callId/participantId'.";

    public static final String AVATARS_TOPIC_CONFIG = "avatars.topic";
    private static final String AVATARS_TOPIC_DOC = "Output topic of AvatarEvent records keyed by 'callId/participantId'.";

    public static final String DLQ_TOPIC_CONFIG = "dlq.topic";
    private static final String DLQ_TOPIC_DOC = "Dead-letter topic: DeadLetter records for input that cannot be processed.";

    public static final String MODELS_TOPIC_CONFIG = "models.topic";
    private static final String MODELS_TOPIC_DOC = "Compacted topic of ModelRelease records.";

    public static final String MODEL_DIR_CONFIG = "model.dir";
    private static final String MODEL_DIR_DOC = "Directory holding encoder.onnx, decoder.onnx and model.json. Empty: "
            + "the first model is the newest loadable ModelRelease on the models topic (needs model.releases.follow).";

    public static final String MODEL_RELEASES_FOLLOW_CONFIG = "model.releases.follow";
    private static final String MODEL_RELEASES_FOLLOW_DOC = "Read the models topic at start-up and serve its newest "
            + "loadable release (unless it is model.dir's version), then hot-swap each release published while running; "
            + "a live release that fails a digest or the contract is dead-lettered and the current model keeps serving. "
            + "Releases already on the topic at start-up that fail are only logged: they were dead-lettered when published.";

    public static final String MODEL_RELEASES_STARTUP_TIMEOUT_MS_CONFIG = "model.releases.startup.timeout.ms";
    private static final String MODEL_RELEASES_STARTUP_TIMEOUT_MS_DOC = "How long start-up may take to read the models "
            + "topic to its end before the instance fails to start.";

    public static final String MODEL_CACHE_DIR_CONFIG = "model.cache.dir";
    private static final String MODEL_CACHE_DIR_DOC = "Directory where released model files are fetched before they "
            + "are verified and loaded (empty: a directory under java.io.tmpdir); each download is deleted once loaded.";

    public static final String PROCESSING_GUARANTEE_CONFIG = "processing.guarantee";
    private static final String PROCESSING_GUARANTEE_DOC = "exactly_once_v2 (default) or at_least_once.";

    public static final String NUM_STREAM_THREADS_CONFIG = "num.stream.threads";
    private static final String NUM_STREAM_THREADS_DOC = "Stream threads of this instance.";

    public static final String STATE_DIR_CONFIG = "state.dir";
    private static final String STATE_DIR_DOC = "Directory for Kafka Streams state (empty: a directory under java.io.tmpdir).";

    public static final String MIN_VOICED_SECONDS_CONFIG = "window.min.seconds";
    private static final String MIN_VOICED_SECONDS_DOC = "Voiced seconds that earn a provisional avatar, repeated to "
            + "6 s (the paper's rule): a speaker's first one as soon as this much is buffered, and a last one at end "
            + "of stream or idle; less is discarded.";

    public static final String WINDOW_HOP_SECONDS_CONFIG = "window.hop.seconds";
    private static final String WINDOW_HOP_SECONDS_DOC = "How far each full 6 s window advances: 6 gives back-to-back "
            + "windows, 3 gives overlapping windows and an avatar update every 3 s of voiced audio.";

    public static final String AUDIO_WARMUP_MS_CONFIG = "audio.warmup.ms";
    private static final String AUDIO_WARMUP_MS_DOC = "How long, at start-up and before taking any partition, to run "
            + "synthetic callers of every codec through decoding, resampling, voice activity and window spectrograms, "
            + "so that the JIT has compiled them before real speakers arrive (a cold JVM runs them about ten times "
            + "slower for its first seconds, and an instance that starts amid hundreds of callers queues seconds of "
            + "audio meanwhile). 0 disables it.";

    public static final String CHUNK_MAX_MS_CONFIG = "audio.chunk.max.ms";
    private static final String CHUNK_MAX_MS_DOC = "Most audio one chunk may carry. A longer PCM or G.711 chunk is "
            + "dead-lettered rather than filling a window by itself (call platforms send 10-60 ms; an Opus packet "
            + "holds at most 120 ms, so Opus chunks always fit).";

    public static final String REORDER_WINDOW_MS_CONFIG = "window.reorder.ms";
    private static final String REORDER_WINDOW_MS_DOC = "How long (in capture time) a missing chunk is waited for while "
            + "later chunks arrive; after that its audio counts as lost and is skipped, never zero-filled.";

    public static final String VAD_ENABLED_CONFIG = "window.vad.enabled";
    private static final String VAD_ENABLED_DOC = "Buffer only chunks the voice activity detector finds voiced, so "
            + "silence and line noise do not fill a window.";

    public static final String SPEAKER_IDLE_TIMEOUT_MS_CONFIG = "speaker.idle.timeout.ms";
    private static final String SPEAKER_IDLE_TIMEOUT_MS_DOC = "A speaker with no chunk for this long (wall clock) is "
            + "flushed like an end of stream and all its state deleted.";

    public static final String SPEAKER_IDLE_CHECK_MS_CONFIG = "speaker.idle.check.interval.ms";
    private static final String SPEAKER_IDLE_CHECK_MS_DOC = "How often the wall-clock punctuator looks for idle speakers.";

    public static final String AUDIO_KEYED_BY_CONFIG = "audio.keyed.by";
    private static final String AUDIO_KEYED_BY_DOC = "How producers key the audio topic: 'speaker' (callId/participantId, "
            + "no extra traffic) or 'call' (callface repartitions by speaker through an internal topic first).";

    public static final String INFERENCE_PROVIDER_CONFIG = "inference.provider";
    private static final String INFERENCE_PROVIDER_DOC = "ONNX Runtime execution provider: AUTO (CUDA when the GPU "
            + "build finds a GPU, else CPU), CPU or CUDA.";

    public static final String INFERENCE_CUDA_DEVICE_CONFIG = "inference.cuda.device.id";
    private static final String INFERENCE_CUDA_DEVICE_DOC = "CUDA device id used by the CUDA provider.";

    public static final String INFERENCE_GPU_MEMORY_LIMIT_CONFIG = "inference.gpu.memory.limit.bytes";
    private static final String INFERENCE_GPU_MEMORY_LIMIT_DOC = "GPU memory arena limit for the CUDA provider; 0 means no limit.";

    public static final String INFERENCE_THREADS_CONFIG = "inference.intra.op.threads";
    private static final String INFERENCE_THREADS_DOC = "ONNX Runtime intra-op threads per session; 0 lets ONNX Runtime choose. Idle workers never spin "
            + "(they would take cores from the stream threads); on a 2-core CPU instance 1 serves best (BENCHMARKS.md).";

    public static final String INFERENCE_BATCH_MAX_SIZE_CONFIG = "inference.batch.max.size";
    private static final String INFERENCE_BATCH_MAX_SIZE_DOC = "Most windows the inference thread runs as one batch "
            + "(B); the model is warmed up for every batch size 1..B at start-up and on every model swap.";

    public static final String INFERENCE_BATCH_MAX_WAIT_MS_CONFIG = "inference.batch.max.wait.ms";
    private static final String INFERENCE_BATCH_MAX_WAIT_MS_DOC = "How long a batch waits for more windows after its "
            + "first (W); 0 runs every window as soon as the inference thread is free.";

    public static final String INFERENCE_REQUEST_TIMEOUT_MS_CONFIG = "inference.request.timeout.ms";
    private static final String INFERENCE_REQUEST_TIMEOUT_MS_DOC = "How long a stream thread waits for its window's "
            + "inference before the window fails (logged and counted). Must stay well below the producer transaction "
            + "timeout (30 s), as a window is processed inside one transaction, and above "
            + INFERENCE_BATCH_MAX_WAIT_MS_CONFIG + ".";

    public static final String FUSION_MEAN = "mean";
    public static final String FUSION_EXPONENTIAL = "exponential";

    public static final String INFERENCE_FUSION_CONFIG = "inference.fusion";
    private static final String INFERENCE_FUSION_DOC = "How a speaker's window embeddings are fused before the face "
            + "is decoded: 'mean' (every full window counts equally) or 'exponential' (moving average, the newest "
            + "window weighs inference.fusion.alpha). Provisional windows are decoded from the fusion with "
            + "their own embedding but never folded into it.";

    public static final String INFERENCE_FUSION_ALPHA_CONFIG = "inference.fusion.alpha";
    private static final String INFERENCE_FUSION_ALPHA_DOC = "Weight of the newest window in 'exponential' fusion, "
            + "in (0, 1]; 1 disables fusion.";

    public static final String IMAGE_SIZE_CONFIG = "avatar.image.size";
    private static final String IMAGE_SIZE_DOC = "Edge of the published PNG face in pixels; 0 keeps the decoder's size.";

    public static final String TOPIC_PARTITIONS_CONFIG = "topics.partitions";
    private static final String TOPIC_PARTITIONS_DOC = "Partitions used when callface creates its topics (demo, tests).";

    private static final ConfigDef.Validator NON_EMPTY_LIST = ConfigDef.LambdaValidator.with(
            (name, value) -> {
                if (((List<?>) value).isEmpty()) {
                    throw new ConfigException(name, value, "must name at least one host:port");
                }
            },
            () -> "non-empty list");

    public static final String HTTP_HOST_CONFIG = "http.host";
    private static final String HTTP_HOST_DOC = "Address the HTTP server (health, metrics, web view, API) binds to; loopback by "
            + "default, 0.0.0.0 in containers.";

    public static final String HTTP_PORT_CONFIG = "http.port";
    private static final String HTTP_PORT_DOC = "Port of the HTTP server (health, metrics, web view, API); 0 picks a free port.";

    public static final String HTTP_ADVERTISED_HOST_CONFIG = "http.advertised.host";
    private static final String HTTP_ADVERTISED_HOST_DOC = "Host name other instances use to reach this one's HTTP "
            + "server (Kafka Streams application.server, with the bound port); empty: http.host, or this machine's "
            + "host name when http.host is a wildcard address.";

    public static final String ENDED_AVATAR_RETENTION_MS_CONFIG = "avatars.ended.retention.ms";
    private static final String ENDED_AVATAR_RETENTION_MS_DOC = "How long after its last window an ended "
            + "participant's latest avatar stays in the queryable latest-avatar store (web view and API).";

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(BOOTSTRAP_SERVERS_CONFIG, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, NON_EMPTY_LIST, Importance.HIGH,
                    BOOTSTRAP_SERVERS_DOC)
            .define(APPLICATION_ID_CONFIG, Type.STRING, "callface-avatar-stream", new ConfigDef.NonEmptyStringWithoutControlChars(),
                    Importance.HIGH, APPLICATION_ID_DOC)
            .define(SCHEMA_REGISTRY_URL_CONFIG, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyStringWithoutControlChars(),
                    Importance.HIGH, SCHEMA_REGISTRY_URL_DOC)
            .define(SCHEMA_REGISTRY_USER_INFO_CONFIG, Type.PASSWORD, "", Importance.MEDIUM, SCHEMA_REGISTRY_USER_INFO_DOC)
            .define(MODEL_DIR_CONFIG, Type.STRING, "", Importance.HIGH, MODEL_DIR_DOC)
            .define(MODEL_RELEASES_FOLLOW_CONFIG, Type.BOOLEAN, true, Importance.MEDIUM, MODEL_RELEASES_FOLLOW_DOC)
            .define(MODEL_RELEASES_STARTUP_TIMEOUT_MS_CONFIG, Type.LONG, 60_000L, Range.between(1, 3_600_000),
                    Importance.LOW, MODEL_RELEASES_STARTUP_TIMEOUT_MS_DOC)
            .define(MODEL_CACHE_DIR_CONFIG, Type.STRING, "", Importance.LOW, MODEL_CACHE_DIR_DOC)
            .define(AUDIO_TOPIC_CONFIG, Type.STRING, "callface.audio", new ConfigDef.NonEmptyStringWithoutControlChars(),
                    Importance.MEDIUM, AUDIO_TOPIC_DOC)
            .define(AVATARS_TOPIC_CONFIG, Type.STRING, "callface.avatars", new ConfigDef.NonEmptyStringWithoutControlChars(),
                    Importance.MEDIUM, AVATARS_TOPIC_DOC)
            .define(DLQ_TOPIC_CONFIG, Type.STRING, "callface.dlq", new ConfigDef.NonEmptyStringWithoutControlChars(),
                    Importance.MEDIUM, DLQ_TOPIC_DOC)
            .define(MODELS_TOPIC_CONFIG, Type.STRING, "callface.models", new ConfigDef.NonEmptyStringWithoutControlChars(),
                    Importance.MEDIUM, MODELS_TOPIC_DOC)
            .define(PROCESSING_GUARANTEE_CONFIG, Type.STRING, StreamsConfig.EXACTLY_ONCE_V2,
                    ValidString.in(StreamsConfig.EXACTLY_ONCE_V2, StreamsConfig.AT_LEAST_ONCE), Importance.MEDIUM,
                    PROCESSING_GUARANTEE_DOC)
            .define(NUM_STREAM_THREADS_CONFIG, Type.INT, 1, Range.between(1, 256), Importance.MEDIUM, NUM_STREAM_THREADS_DOC)
            .define(STATE_DIR_CONFIG, Type.STRING, "", Importance.LOW, STATE_DIR_DOC)
            .define(MIN_VOICED_SECONDS_CONFIG, Type.DOUBLE, 3.0, Range.between(0.5, 6.0), Importance.MEDIUM,
                    MIN_VOICED_SECONDS_DOC)
            .define(WINDOW_HOP_SECONDS_CONFIG, Type.DOUBLE, 6.0, Range.between(0.5, 6.0), Importance.MEDIUM,
                    WINDOW_HOP_SECONDS_DOC)
            .define(AUDIO_WARMUP_MS_CONFIG, Type.LONG, 3000L, Range.between(0, 60_000), Importance.LOW,
                    AUDIO_WARMUP_MS_DOC)
            .define(CHUNK_MAX_MS_CONFIG, Type.INT, 1000, Range.between(120, 60_000), Importance.LOW, CHUNK_MAX_MS_DOC)
            .define(REORDER_WINDOW_MS_CONFIG, Type.LONG, 200L, Range.between(0, 60_000), Importance.MEDIUM,
                    REORDER_WINDOW_MS_DOC)
            .define(VAD_ENABLED_CONFIG, Type.BOOLEAN, true, Importance.MEDIUM, VAD_ENABLED_DOC)
            .define(SPEAKER_IDLE_TIMEOUT_MS_CONFIG, Type.LONG, 30_000L, Range.atLeast(100), Importance.MEDIUM,
                    SPEAKER_IDLE_TIMEOUT_MS_DOC)
            .define(SPEAKER_IDLE_CHECK_MS_CONFIG, Type.LONG, 1_000L, Range.atLeast(10), Importance.LOW,
                    SPEAKER_IDLE_CHECK_MS_DOC)
            .define(AUDIO_KEYED_BY_CONFIG, Type.STRING, "speaker", ValidString.in("speaker", "call"), Importance.MEDIUM,
                    AUDIO_KEYED_BY_DOC)
            .define(INFERENCE_PROVIDER_CONFIG, Type.STRING, "AUTO", ValidString.in("AUTO", "CPU", "CUDA"),
                    Importance.MEDIUM, INFERENCE_PROVIDER_DOC)
            .define(INFERENCE_CUDA_DEVICE_CONFIG, Type.INT, 0, Range.atLeast(0), Importance.LOW, INFERENCE_CUDA_DEVICE_DOC)
            .define(INFERENCE_GPU_MEMORY_LIMIT_CONFIG, Type.LONG, 0L, Range.atLeast(0), Importance.LOW,
                    INFERENCE_GPU_MEMORY_LIMIT_DOC)
            .define(INFERENCE_THREADS_CONFIG, Type.INT, 1, Range.between(0, 256), Importance.LOW, INFERENCE_THREADS_DOC)
            .define(INFERENCE_BATCH_MAX_SIZE_CONFIG, Type.INT, 8, Range.between(1, 256), Importance.MEDIUM,
                    INFERENCE_BATCH_MAX_SIZE_DOC)
            .define(INFERENCE_BATCH_MAX_WAIT_MS_CONFIG, Type.LONG, 0L, Range.between(0, 1_000), Importance.MEDIUM,
                    INFERENCE_BATCH_MAX_WAIT_MS_DOC)
            .define(INFERENCE_REQUEST_TIMEOUT_MS_CONFIG, Type.LONG, 10_000L, Range.between(100, 20_000),
                    Importance.MEDIUM, INFERENCE_REQUEST_TIMEOUT_MS_DOC)
            .define(INFERENCE_FUSION_CONFIG, Type.STRING, FUSION_MEAN, ValidString.in(FUSION_MEAN, FUSION_EXPONENTIAL),
                    Importance.MEDIUM, INFERENCE_FUSION_DOC)
            .define(INFERENCE_FUSION_ALPHA_CONFIG, Type.DOUBLE, 0.3, Range.between(0.01, 1.0), Importance.LOW,
                    INFERENCE_FUSION_ALPHA_DOC)
            .define(IMAGE_SIZE_CONFIG, Type.INT, 0, Range.between(0, 1024), Importance.LOW, IMAGE_SIZE_DOC)
            .define(HTTP_HOST_CONFIG, Type.STRING, "127.0.0.1", new ConfigDef.NonEmptyStringWithoutControlChars(),
                    Importance.MEDIUM, HTTP_HOST_DOC)
            .define(HTTP_PORT_CONFIG, Type.INT, 8080, Range.between(0, 65_535), Importance.MEDIUM, HTTP_PORT_DOC)
            .define(HTTP_ADVERTISED_HOST_CONFIG, Type.STRING, "", Importance.MEDIUM, HTTP_ADVERTISED_HOST_DOC)
            .define(ENDED_AVATAR_RETENTION_MS_CONFIG, Type.LONG, 600_000L, Range.atLeast(0), Importance.LOW,
                    ENDED_AVATAR_RETENTION_MS_DOC)
            .define(TOPIC_PARTITIONS_CONFIG, Type.INT, 6, Range.between(1, 10_000), Importance.LOW, TOPIC_PARTITIONS_DOC);

    public AvatarStreamConfig(Map<?, ?> originals) {
        super(CONFIG_DEF, originals, false);
        if (modelDir().isEmpty() && !getBoolean(MODEL_RELEASES_FOLLOW_CONFIG)) {
            throw new ConfigException(MODEL_DIR_CONFIG + " is empty and " + MODEL_RELEASES_FOLLOW_CONFIG
                    + " is false: set a model directory or let the instance take its model from " + modelsTopic());
        }
    }

    /** The configuration documentation as reStructuredText-like text, generated from {@link #CONFIG_DEF}. */
    public static String documentation() {
        return CONFIG_DEF.toRst();
    }

    public String audioTopic() {
        return getString(AUDIO_TOPIC_CONFIG);
    }

    public String avatarsTopic() {
        return getString(AVATARS_TOPIC_CONFIG);
    }

    public String dlqTopic() {
        return getString(DLQ_TOPIC_CONFIG);
    }

    public String modelsTopic() {
        return getString(MODELS_TOPIC_CONFIG);
    }

    public String schemaRegistryUrl() {
        return getString(SCHEMA_REGISTRY_URL_CONFIG);
    }

    /** The registry's basic-auth user info, if set. */
    public Optional<String> schemaRegistryUserInfo() {
        String value = getPassword(SCHEMA_REGISTRY_USER_INFO_CONFIG).value();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** A client of the configured schema registry. */
    public SchemaRegistryClient schemaRegistryClient() {
        return SchemaRegistryClients.forUrl(schemaRegistryUrl(), schemaRegistryUserInfo(),
                SchemaRegistryClients.DEFAULT_REQUEST_TIMEOUT);
    }

    /** The model directory to load at start-up; empty when the first model comes from the models topic. */
    public Optional<Path> modelDir() {
        String dir = getString(MODEL_DIR_CONFIG).strip();
        return dir.isEmpty() ? Optional.empty() : Optional.of(Path.of(dir));
    }

    /** How long start-up may read the models topic. */
    public Duration modelReleasesStartupTimeout() {
        return Duration.ofMillis(getLong(MODEL_RELEASES_STARTUP_TIMEOUT_MS_CONFIG));
    }

    /** Where released model files are fetched to. */
    public Path modelCacheDir() {
        String dir = getString(MODEL_CACHE_DIR_CONFIG);
        return dir.isEmpty() ? Path.of(System.getProperty("java.io.tmpdir"), "callface-models") : Path.of(dir);
    }

    public boolean audioKeyedByCall() {
        return "call".equals(getString(AUDIO_KEYED_BY_CONFIG));
    }

    /** Client settings given with the {@value #KAFKA_PREFIX} prefix, prefix removed. */
    public Map<String, Object> kafkaOverrides() {
        return originalsWithPrefix(KAFKA_PREFIX, true);
    }
}
