package io.callface.stream.window;

import io.callface.audio.Spectrogram;
import io.callface.audio.SpeechSegment;
import io.callface.stream.config.AvatarStreamConfig;
import java.time.Duration;

/**
 * How speakers' audio is cut into windows.
 *
 * @param minSamples        voiced 16 kHz samples that earn a provisional avatar (repeated to 6 s)
 * @param hopSamples        samples a full window advances by; less than 6 s gives overlapping windows
 * @param reorderWindowMs   how much later audio (capture time) may arrive before a missing chunk is declared lost
 * @param idleTimeout       a speaker silent this long (wall clock) is flushed and forgotten
 * @param idleCheckInterval how often the wall-clock punctuator looks for idle speakers
 * @param voiceActivityGate true to buffer only voiced chunks
 * @param maxChunkMs        most audio one chunk may carry
 */
public record WindowSettings(int minSamples, int hopSamples, long reorderWindowMs, Duration idleTimeout,
                             Duration idleCheckInterval, boolean voiceActivityGate, int maxChunkMs) {
    public static final int WINDOW_SAMPLES = SpeechSegment.SEGMENT_SAMPLES;

    public WindowSettings {
        if (minSamples <= 0 || minSamples > WINDOW_SAMPLES) {
            throw new IllegalArgumentException("minSamples: " + minSamples + " is outside 1.." + WINDOW_SAMPLES);
        }
        if (hopSamples <= 0 || hopSamples > WINDOW_SAMPLES) {
            throw new IllegalArgumentException("hopSamples: " + hopSamples + " is outside 1.." + WINDOW_SAMPLES);
        }
        if (reorderWindowMs < 0) {
            throw new IllegalArgumentException("reorderWindowMs: " + reorderWindowMs + " is negative");
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero() || idleCheckInterval.isNegative() || idleCheckInterval.isZero()) {
            throw new IllegalArgumentException("idle timeout and check interval must be positive");
        }
        if (maxChunkMs <= 0) {
            throw new IllegalArgumentException("maxChunkMs: " + maxChunkMs + " must be positive");
        }
    }

    public static WindowSettings from(AvatarStreamConfig config) {
        return new WindowSettings(
                seconds(config.getDouble(AvatarStreamConfig.MIN_VOICED_SECONDS_CONFIG)),
                seconds(config.getDouble(AvatarStreamConfig.WINDOW_HOP_SECONDS_CONFIG)),
                config.getLong(AvatarStreamConfig.REORDER_WINDOW_MS_CONFIG),
                Duration.ofMillis(config.getLong(AvatarStreamConfig.SPEAKER_IDLE_TIMEOUT_MS_CONFIG)),
                Duration.ofMillis(config.getLong(AvatarStreamConfig.SPEAKER_IDLE_CHECK_MS_CONFIG)),
                config.getBoolean(AvatarStreamConfig.VAD_ENABLED_CONFIG),
                config.getInt(AvatarStreamConfig.CHUNK_MAX_MS_CONFIG));
    }

    private static int seconds(double seconds) {
        return (int) Math.round(seconds * Spectrogram.SAMPLE_RATE);
    }
}
