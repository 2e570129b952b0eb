package io.callface.audio;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The windows the stream processor would cut from one speaker's recording, had it arrived as a call in 20 ms chunks
 * with the stream's default window settings ({@code window.min.seconds} 3, {@code window.hop.seconds} 6, voice
 * activity gating on), for offline checks that must hear a file as the stream does. The rule, which
 * {@code SpeakerWindowProcessor} implements over its state stores:
 * <ol>
 *   <li>each chunk passes the speaker's {@link VoiceGate}; only voiced chunks are buffered;</li>
 *   <li>at {@value #MIN_SECONDS} s of buffered audio before the first full window, a provisional window (a preview,
 *   repeated to 6 s when its spectrogram is made);</li>
 *   <li>at 6 s of buffered audio, a full window, after which the buffer starts empty;</li>
 *   <li>at the end, when at least {@value #MIN_SECONDS} s is buffered after a full window, a last provisional
 *   window (before any full window, the preview stands for the buffer).</li>
 * </ol>
 * Full windows are what a speaker's fusion summarises; a provisional window is decoded from the fusion with its own
 * embedding folded in, but never stored ({@code FusionRule}).
 */
public final class VoicedWindows {
    /** 20 ms at 16 kHz, as RTP and WebRTC send speech. */
    public static final int CHUNK_SAMPLES = Spectrogram.SAMPLE_RATE / 50;
    /** The stream's default {@code window.min.seconds}. */
    public static final int MIN_SECONDS = 3;
    static final int MIN_SAMPLES = MIN_SECONDS * Spectrogram.SAMPLE_RATE;

    private VoicedWindows() {
    }

    /**
     * One window in the order the stream emits it.
     *
     * @param audio       its voiced 16 kHz audio, at most 6 s (copied in and out)
     * @param provisional true for a preview or the last, shorter window
     */
    public record Window(float[] audio, boolean provisional) {
        public Window {
            audio = audio.clone();
        }

        @Override
        public float[] audio() {
            return audio.clone();
        }

        public double seconds() {
            return audio.length / (double) Spectrogram.SAMPLE_RATE;
        }
    }

    /** The windows of one speaker's 16 kHz mono recording, in emission order; empty when it holds under 3 s of voice. */
    public static List<Window> of(float[] samples16k) {
        VoiceGate gate = new VoiceGate(new VoiceActivityDetector());
        float[] buffer = new float[SpeechSegment.SEGMENT_SAMPLES];
        int buffered = 0;
        boolean fullWindowEmitted = false;
        boolean previewEmitted = false;
        List<Window> windows = new ArrayList<>();
        for (int from = 0; from < samples16k.length; from += CHUNK_SAMPLES) {
            float[] chunk = Arrays.copyOfRange(samples16k, from, Math.min(samples16k.length, from + CHUNK_SAMPLES));
            if (!gate.isVoiced(chunk)) {
                continue;
            }
            System.arraycopy(chunk, 0, buffer, buffered, chunk.length);
            buffered += chunk.length;
            if (buffered == buffer.length) {
                windows.add(new Window(buffer, false));
                buffered = 0;
                fullWindowEmitted = true;
            } else if (!fullWindowEmitted && !previewEmitted && buffered >= MIN_SAMPLES) {
                windows.add(new Window(Arrays.copyOf(buffer, buffered), true));
                previewEmitted = true;
            }
        }
        // Before any full window, the preview stands for the buffer: the stream makes no second provisional window.
        if (fullWindowEmitted && buffered >= MIN_SAMPLES) {
            windows.add(new Window(Arrays.copyOf(buffer, buffered), true));
        }
        return windows;
    }
}
