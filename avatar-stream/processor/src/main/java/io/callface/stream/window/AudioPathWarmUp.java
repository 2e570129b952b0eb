package io.callface.stream.window;

import io.callface.audio.SampleEncoding;
import io.callface.audio.SpeechSegment;
import io.callface.audio.StreamFormat;
import io.callface.stream.synth.Codec;
import io.callface.stream.synth.VoiceLoops;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Runs synthetic callers through the per-chunk audio path (decode, resample, voice activity, store form) and
 * through window spectrograms, full and provisional, before an instance takes traffic. A fresh JVM runs that
 * code interpreted for its first seconds, roughly ten times slower; an instance that starts, or takes over
 * partitions, while hundreds of speakers are talking would queue seconds of audio meanwhile (measured in
 * BENCHMARKS.md, "Load and faults"). Nothing here touches Kafka or the instance's state.
 */
public final class AudioPathWarmUp {
    /** Speakers per codec, so that per-speaker decoder state is created and reused as in a call. */
    private static final int SPEAKERS_PER_CODEC = 2;

    /** What a warm-up did, for its log line and tests. */
    public record Result(long chunks, long voicedChunks, long spectrograms, long elapsedMs) {
    }

    private AudioPathWarmUp() {
    }

    /**
     * Encodes the synthetic callers, then runs the audio path for {@code budget} of wall-clock time, and at least
     * one whole window; nothing at all for a zero budget.
     */
    public static Result run(Duration budget) {
        long started = System.nanoTime();
        if (budget.isZero() || budget.isNegative()) {
            return new Result(0, 0, 0, 0);
        }
        VoiceLoops loops = VoiceLoops.encode(Codec.DEFAULT_MIX);
        List<StreamFormat> formats = Codec.DEFAULT_MIX.stream()
                .map(codec -> new StreamFormat(SampleEncoding.of(codec.encoding().name()), codec.sampleRate(), 1)).toList();
        long deadline = System.nanoTime() + budget.toNanos();
        ChunkAudio audio = new ChunkAudio();
        WindowSpectrogram spectrogram = new WindowSpectrogram();
        float[] window = new float[SpeechSegment.SEGMENT_SAMPLES];
        int filled = 0;
        long chunks = 0;
        long voiced = 0;
        long spectrograms = 0;
        // At least one whole window, however short the budget.
        for (long sequence = 0; spectrograms == 0 || System.nanoTime() < deadline; sequence++) {
            for (int c = 0; c < formats.size(); c++) {
                Codec codec = Codec.DEFAULT_MIX.get(c);
                for (int speaker = 0; speaker < SPEAKERS_PER_CODEC; speaker++) {
                    ChunkAudio.Decoded decoded = audio.decode(codec.cliName() + "/" + speaker, sequence, formats.get(c),
                            loops.voicedChunk(codec, speaker, (int) sequence));
                    chunks++;
                    voiced += decoded.voiced() ? 1 : 0;
                    // As the processor does: buffered chunks are read back into the window's audio ...
                    filled += StoredAudio.decodeInto(decoded.stored(), 0, decoded.stored().length, window, filled);
                    if (filled == window.length) {
                        // ... and a full window, and a provisional one (3 s repeated to 6 s), are transformed.
                        spectrogram.compute(window);
                        spectrogram.compute(Arrays.copyOf(window, window.length / 2));
                        spectrograms += 2;
                        filled = 0;
                    }
                }
            }
        }
        return new Result(chunks, voiced, spectrograms, (System.nanoTime() - started) / 1_000_000);
    }
}
