package io.callface.trainer.train;

import io.callface.audio.SpeechSegment;
import io.callface.audio.Spectrogram;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Spectrograms {@code [2, 598, 257]} of corpus clips (about 1.2 MB each). The first {@code capacity} clips
 * asked for are kept in memory; the rest are recomputed on every request (a few milliseconds each), so a large
 * corpus trains within a bounded heap. Thread-safe: {@link VoiceBatches}' workers share one cache, each thread with
 * its own {@link Spectrogram}.
 */
public final class SpectrogramCache {
    /** Samples of the short evaluation variant: the first 3 s, then repeated to 6 s as the stream does. */
    public static final int THREE_SECONDS = 3 * Spectrogram.SAMPLE_RATE;
    /** Share of the maximum heap that {@link #sizedForHeap()} gives the cache. */
    static final double HEAP_SHARE = 0.4;

    private final ThreadLocal<Spectrogram> spectrogram = ThreadLocal.withInitial(Spectrogram::new);
    private final Map<Path, float[]> sixSeconds = new ConcurrentHashMap<>();
    private final AtomicInteger kept = new AtomicInteger();
    private final int capacity;

    /** A cache that keeps at most {@code capacity} spectrograms (0: compute every time). */
    public SpectrogramCache(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must not be negative, got " + capacity);
        }
        this.capacity = capacity;
    }

    /** A cache holding as many spectrograms as fit in {@value #HEAP_SHARE} of the maximum heap. */
    public static SpectrogramCache sizedForHeap() {
        long bytes = 4L * sixSecondSize();
        long budget = (long) (Runtime.getRuntime().maxMemory() * HEAP_SHARE);
        return new SpectrogramCache((int) Math.min(Integer.MAX_VALUE, budget / bytes));
    }

    /** The first 6 s of {@code audio} (repeated when shorter), as the paper trains. */
    public float[] sixSeconds(Path audio) {
        float[] cached = sixSeconds.get(audio);
        return cached != null ? cached : keep(audio, sixSecondsOf(WavFile.readMono16k(audio)));
    }

    /** As {@link #sixSeconds(Path)}, for a caller that has already read {@code audio}'s {@code samples}. */
    float[] sixSeconds(Path audio, float[] samples) {
        float[] cached = sixSeconds.get(audio);
        return cached != null ? cached : keep(audio, sixSecondsOf(samples));
    }

    private float[] keep(Path audio, float[] computed) {
        // Reserve a place first, so that concurrent workers never keep more than capacity; give it back when another
        // worker kept the same clip meanwhile.
        boolean reserved = kept.getAndUpdate(n -> n < capacity ? n + 1 : n) < capacity;
        if (reserved && sixSeconds.putIfAbsent(audio, computed) != null) {
            kept.decrementAndGet();
        }
        return computed;
    }

    /** The first 6 s of {@code samples} (16 kHz, repeated when shorter), not cached: augmented audio is heard once. */
    float[] sixSecondsOf(float[] samples) {
        return spectrogram.get().compute(SpeechSegment.toSixSeconds(samples));
    }

    /** The first 3 s of {@code audio}, repeated to 6 s by the segment rule the stream processor applies (not cached). */
    public float[] threeSeconds(Path audio) {
        float[] samples = WavFile.readMono16k(audio);
        float[] head = Arrays.copyOf(samples, Math.min(samples.length, THREE_SECONDS));
        return spectrogram.get().compute(SpeechSegment.toSixSeconds(head));
    }

    /** Floats per 6 s spectrogram. */
    public static int sixSecondSize() {
        return 2 * Spectrogram.frameCount(SpeechSegment.SEGMENT_SAMPLES) * Spectrogram.BINS;
    }
}
