package io.callface.stream.inference;

import io.callface.stream.config.AvatarStreamConfig;
import java.time.Duration;
import java.util.Objects;
import org.apache.kafka.common.config.ConfigException;

/**
 * How the {@link InferenceBatcher} groups windows.
 *
 * @param maxBatchSize   B, the most windows run together (the model is warmed up for every size 1..B)
 * @param maxWait        W, how long a batch waits for company after its first window; zero runs at once
 * @param requestTimeout how long a stream thread waits for its result; keep it well below the producer's
 *                       transaction timeout, as the whole window is processed inside one transaction
 */
public record BatchSettings(int maxBatchSize, Duration maxWait, Duration requestTimeout) {
    public BatchSettings {
        Objects.requireNonNull(maxWait, "maxWait");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (maxBatchSize < 1) {
            throw new IllegalArgumentException("maxBatchSize must be at least 1, got " + maxBatchSize);
        }
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("maxWait must not be negative, got " + maxWait);
        }
        if (requestTimeout.compareTo(maxWait) <= 0) {
            throw new IllegalArgumentException("requestTimeout (" + requestTimeout.toMillis()
                    + " ms) must be longer than maxWait (" + maxWait.toMillis() + " ms)");
        }
    }

    /** Reads B, W and the request timeout; fails naming the key when the timeout is not above W. */
    public static BatchSettings from(AvatarStreamConfig config) {
        long waitMs = config.getLong(AvatarStreamConfig.INFERENCE_BATCH_MAX_WAIT_MS_CONFIG);
        long timeoutMs = config.getLong(AvatarStreamConfig.INFERENCE_REQUEST_TIMEOUT_MS_CONFIG);
        if (timeoutMs <= waitMs) {
            throw new ConfigException(AvatarStreamConfig.INFERENCE_REQUEST_TIMEOUT_MS_CONFIG, timeoutMs,
                    "must be above " + AvatarStreamConfig.INFERENCE_BATCH_MAX_WAIT_MS_CONFIG + " (" + waitMs + ")");
        }
        return new BatchSettings(config.getInt(AvatarStreamConfig.INFERENCE_BATCH_MAX_SIZE_CONFIG),
                Duration.ofMillis(waitMs), Duration.ofMillis(timeoutMs));
    }
}
