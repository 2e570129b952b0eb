package io.callface.stream.demo;

import io.callface.audio.VoiceActivityDetector;
import io.callface.audio.VoiceGate;
import io.callface.audio.VoicedWindows;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

/**
 * Fits a synthetic caller's speech into a call of a set length in which the stream hears a set voiced time. The
 * stream buffers only the 20 ms chunks that its voice gate ({@link VoiceGate}) passes, so which avatars a caller gets
 * follows from how many of their chunks are voiced; left to the speech, that depends on the voice (the gate passes
 * about 20-75 % of a synthetic speaker's chunks: it takes low-pitched vowels for rumble). Here it is set:
 * <ol>
 *   <li>the speech is taken in order, turn after turn, until the gate has passed the wanted number of voiced chunks;
 *       then the caller mutes, and the rest of the call is line noise of at most {@value #LINE_NOISE_PEAK} peak
 *       (below -65 dBFS, so under the detector's -50 dBFS energy floor whatever its draw);</li>
 *   <li>when that stretch holds more unvoiced chunks than the call has room for (a voice the gate hears sparsely),
 *       its unvoiced runs (pauses, stop closures, stretches the gate takes for rumble) are shortened to the longest
 *       common length that fits, from the middle, so each run keeps its first and last chunks.</li>
 * </ol>
 * Chunks move whole and stay aligned with the feeder's 20 ms chunks, and the gate judges each whole chunk on its own;
 * the decisions are made here with the stream's own gate on the PCM16 that {@link AudioFeeder} sends. So the stream's
 * gate passes exactly the wanted number of chunks, by construction.
 */
final class TalkTime {
    /** 20 ms at 16 kHz: the feeder's chunk, and the unit the gate judges. */
    static final int CHUNK_SAMPLES = VoicedWindows.CHUNK_SAMPLES;
    /** The line noise's peak: the speech synthesiser's own noise floor, about 65 dB below its speech peak. */
    static final float LINE_NOISE_PEAK = 5e-4f;
    /** Gives up when this many times the call's length of speech holds too little voice. */
    static final int MAX_SPEECH_PER_CALL = 20;

    private TalkTime() {
    }

    /**
     * {@code chunks} 20 ms chunks of 16 kHz audio of which the stream's gate passes exactly {@code voicedChunks}.
     *
     * @param turns        the caller's speech, turn {@code k} for {@code k = 0, 1, ...}; 16 kHz, and only its whole
     *                     20 ms chunks are used
     * @param noiseSeed    seeds the line noise
     * @throws IllegalArgumentException if {@code voicedChunks} is outside {@code [0, chunks]} or a turn holds no
     *                                  whole chunk
     * @throws IllegalStateException    if {@value #MAX_SPEECH_PER_CALL} times the call's length of speech holds
     *                                  fewer than {@code voicedChunks} voiced chunks
     */
    static float[] fit(IntFunction<float[]> turns, int chunks, int voicedChunks, long noiseSeed) {
        if (chunks < 1 || voicedChunks < 0 || voicedChunks > chunks) {
            throw new IllegalArgumentException("a call of " + chunks + " chunks cannot hold " + voicedChunks
                    + " voiced chunks");
        }
        Heard speech = hear(turns, voicedChunks, (long) MAX_SPEECH_PER_CALL * chunks);
        int cap = runCap(speech.voiced(), speech.chunks().size(), chunks - voicedChunks);
        float[] out = new float[chunks * CHUNK_SAMPLES];
        int at = 0;
        for (int i = 0; i < speech.chunks().size(); ) {
            if (speech.voiced().get(i)) {
                at = put(speech.chunks().get(i++), out, at);
                continue;
            }
            int end = runEnd(speech.voiced(), i, speech.chunks().size());
            int keep = Math.min(end - i, cap);
            int head = (keep + 1) / 2;
            for (int k = 0; k < head; k++) {
                at = put(speech.chunks().get(i + k), out, at);
            }
            for (int k = end - (keep - head); k < end; k++) {
                at = put(speech.chunks().get(k), out, at);
            }
            i = end;
        }
        SplittableRandom noise = new SplittableRandom(noiseSeed);
        for (int n = at; n < out.length; n++) {
            out[n] = (float) ((2 * noise.nextDouble() - 1) * LINE_NOISE_PEAK);
        }
        return out;
    }

    /**
     * Per whole 20 ms chunk of {@code samples16k}, whether the stream's gate passes it when {@link AudioFeeder} sends
     * it: as PCM16, decoded as the stream decodes it.
     */
    static BitSet voicedChunks(float[] samples16k) {
        VoiceGate gate = new VoiceGate(new VoiceActivityDetector());
        BitSet voiced = new BitSet();
        for (int i = 0; (i + 1) * CHUNK_SAMPLES <= samples16k.length; i++) {
            float[] chunk = Arrays.copyOfRange(samples16k, i * CHUNK_SAMPLES, (i + 1) * CHUNK_SAMPLES);
            voiced.set(i, gate.isVoiced(AudioFeeder.asHeard(chunk)));
        }
        return voiced;
    }

    /** The speech's chunks up to and including the {@code voicedChunks}-th voiced one, and which are voiced. */
    private record Heard(List<float[]> chunks, BitSet voiced) {
    }

    private static Heard hear(IntFunction<float[]> turns, int voicedChunks, long maxChunks) {
        List<float[]> chunks = new ArrayList<>();
        BitSet voiced = new BitSet();
        int found = 0;
        for (int turn = 0; found < voicedChunks; turn++) {
            float[] speech = turns.apply(turn);
            if (speech.length < CHUNK_SAMPLES) {
                throw new IllegalArgumentException("turn " + turn + " holds no whole 20 ms chunk");
            }
            BitSet turnVoiced = voicedChunks(speech);
            for (int i = 0; (i + 1) * CHUNK_SAMPLES <= speech.length && found < voicedChunks; i++) {
                if (chunks.size() >= maxChunks) {
                    throw new IllegalStateException(chunks.size() + " chunks of this voice hold only " + found
                            + " that the voice gate passes, of the " + voicedChunks + " wanted");
                }
                if (turnVoiced.get(i)) {
                    voiced.set(chunks.size());
                    found++;
                }
                chunks.add(Arrays.copyOfRange(speech, i * CHUNK_SAMPLES, (i + 1) * CHUNK_SAMPLES));
            }
        }
        return new Heard(chunks, voiced);
    }

    /**
     * The longest length to which every unvoiced run among the first {@code size} chunks may be cut so that they hold
     * at most {@code room} unvoiced chunks together; {@link Integer#MAX_VALUE} when they fit uncut.
     */
    static int runCap(BitSet voiced, int size, int room) {
        List<Integer> runs = new ArrayList<>();
        for (int i = voiced.nextClearBit(0); i < size; ) {
            int end = runEnd(voiced, i, size);
            runs.add(end - i);
            i = voiced.nextClearBit(end);
        }
        if (kept(runs, Integer.MAX_VALUE) <= room) {
            return Integer.MAX_VALUE;
        }
        int cap = runs.stream().mapToInt(Integer::intValue).max().orElse(0);
        while (cap > 0 && kept(runs, cap) > room) {
            cap--;
        }
        return cap;
    }

    private static int kept(List<Integer> runs, int cap) {
        int kept = 0;
        for (int run : runs) {
            kept += Math.min(run, cap);
        }
        return kept;
    }

    /** The end (exclusive) of the unvoiced run that starts at {@code from}. */
    private static int runEnd(BitSet voiced, int from, int size) {
        int next = voiced.nextSetBit(from);
        return next < 0 || next > size ? size : next;
    }

    private static int put(float[] chunk, float[] out, int at) {
        System.arraycopy(chunk, 0, out, at, chunk.length);
        return at + chunk.length;
    }
}
