package io.callface.stream.loadtest;

import io.callface.stream.synth.Codec;
import io.callface.stream.synth.VoiceLoops;
import io.callface.stream.window.SpeakerId;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One participant's stay in a call: from joining (their first chunk) to leaving (their last chunk carries
 * end-of-stream), talking and pausing in turns.
 *
 * <p>The script fixes the windows the stream processor must produce. It starts with a talk spurt of at least
 * {@value #MIN_FIRST_TALK_CHUNKS} chunks (so the provisional avatar at 3 s of voice comes from continuous speech)
 * and holds {@code 300 k + r} voiced chunks with {@code r} in [{@value #MIN_REMAINDER_CHUNKS},
 * {@value #MAX_REMAINDER_CHUNKS}]: k full windows, and a remainder too short for a last provisional one but long
 * enough that a few chunks judged differently by the voice activity detector (or a resampler's delay) cannot
 * change the count. So it must produce exactly: the provisional window 0, the full windows 0..k-1, and the
 * end-of-stream repeat of window k-1.
 *
 * @param speaker  the participant
 * @param codec    how its platform encodes audio
 * @param voice    which of {@link VoiceLoops#VOICES} voices it speaks with
 * @param startMs  when it joins, after the run's start (a multiple of 20 ms)
 * @param segments chunk counts of talk and pause in turns, starting and ending with talk
 */
public record SessionPlan(SpeakerId speaker, Codec codec, int voice, long startMs, List<Integer> segments) {
    public static final int CHUNK_MS = 20;
    public static final int CHUNKS_PER_WINDOW = 300;
    public static final int MIN_FIRST_TALK_CHUNKS = 160;
    public static final int MIN_REMAINDER_CHUNKS = 50;
    public static final int MAX_REMAINDER_CHUNKS = 100;

    public SessionPlan {
        Objects.requireNonNull(speaker, "speaker");
        Objects.requireNonNull(codec, "codec");
        if (voice < 0 || voice >= VoiceLoops.VOICES) {
            throw new IllegalArgumentException("voice: " + voice + " is outside 0.." + (VoiceLoops.VOICES - 1));
        }
        if (startMs < 0 || startMs % CHUNK_MS != 0) {
            throw new IllegalArgumentException("startMs: " + startMs + " is not a non-negative multiple of " + CHUNK_MS);
        }
        segments = List.copyOf(segments);
        if (segments.size() % 2 == 0 || segments.stream().anyMatch(n -> n <= 0)) {
            throw new IllegalArgumentException("segments: " + segments + " must be positive talk/pause counts starting and ending with talk");
        }
        if (segments.get(0) < MIN_FIRST_TALK_CHUNKS) {
            throw new IllegalArgumentException("segments: first talk spurt of " + segments.get(0) + " chunks is under " + MIN_FIRST_TALK_CHUNKS);
        }
        int remainder = voicedChunks(segments) % CHUNKS_PER_WINDOW;
        if (voicedChunks(segments) < CHUNKS_PER_WINDOW || remainder < MIN_REMAINDER_CHUNKS || remainder > MAX_REMAINDER_CHUNKS) {
            throw new IllegalArgumentException("segments: " + voicedChunks(segments) + " voiced chunks must be 300 k + r with k >= 1 and r in "
                    + MIN_REMAINDER_CHUNKS + ".." + MAX_REMAINDER_CHUNKS);
        }
    }

    public int chunkCount() {
        return segments.stream().mapToInt(Integer::intValue).sum();
    }

    public int voicedChunks() {
        return voicedChunks(segments);
    }

    public long endMs() {
        return startMs + (long) chunkCount() * CHUNK_MS;
    }

    public int fullWindows() {
        return voicedChunks() / CHUNKS_PER_WINDOW;
    }

    /** Whether chunk {@code index} is speech (else silence). */
    public boolean isVoiced(int index) {
        int at = 0;
        for (int s = 0; s < segments.size(); s++) {
            at += segments.get(s);
            if (index < at) {
                return s % 2 == 0;
            }
        }
        throw new IndexOutOfBoundsException("chunk " + index + " of a " + chunkCount() + "-chunk session");
    }

    /** Every output record the session must produce, each exactly once. */
    public Set<WindowKey> expectedWindows() {
        String key = speaker.key();
        Set<WindowKey> windows = new HashSet<>();
        windows.add(new WindowKey(key, 0, true, false));
        for (int index = 0; index < fullWindows(); index++) {
            windows.add(new WindowKey(key, index, false, false));
        }
        windows.add(new WindowKey(key, fullWindows() - 1, false, true));
        return windows;
    }

    private static int voicedChunks(List<Integer> segments) {
        int voiced = 0;
        for (int s = 0; s < segments.size(); s += 2) {
            voiced += segments.get(s);
        }
        return voiced;
    }
}
