package io.callface.trainer.train;

import io.callface.stream.audio.SpeechSegment;
import io.callface.stream.audio.Spectrogram;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Spectrograms {@code [2, 598, 257]} of corpus clips, computed once per clip and kept in memory (about
 * 1.2 MB each, so keep corpora small). Not thread-safe.
 */
public final class SpectrogramCache {
    /** Samples of the short evaluation variant: the first 3 s, then repeated to 6 s as the stream does. */
    public static final int THREE_SECONDS = 3 * Spectrogram.SAMPLE_RATE;

    private final Spectrogram spectrogram = new Spectrogram();
    private final Map<Path, float[]> sixSeconds = new HashMap<>();
    private final Map<Path, float[]> threeSeconds = new HashMap<>();

    /** The first 6 s of {@code audio} (repeated when shorter), as the paper trains. */
    public float[] sixSeconds(Path audio) {
        return sixSeconds.computeIfAbsent(audio,
                a -> spectrogram.compute(SpeechSegment.toSixSeconds(WavFile.readMono16k(a))));
    }

    /** The first 3 s of {@code audio}, repeated to 6 s by the segment rule the stream processor applies. */
    public float[] threeSeconds(Path audio) {
        return threeSeconds.computeIfAbsent(audio, a -> {
            float[] samples = WavFile.readMono16k(a);
            float[] head = java.util.Arrays.copyOf(samples, Math.min(samples.length, THREE_SECONDS));
            return spectrogram.compute(SpeechSegment.toSixSeconds(head));
        });
    }

    /** Floats per 6 s spectrogram. */
    public static int sixSecondSize() {
        return 2 * Spectrogram.frameCount(SpeechSegment.SEGMENT_SAMPLES) * Spectrogram.BINS;
    }
}
