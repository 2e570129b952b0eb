package io.callface.audio;

/**
 * One speaker stream's voiced/unvoiced decision per chunk, the rule by which the stream fills its windows: a chunk
 * of at least one 10 ms hop is judged by {@link VoiceActivityDetector#isVoiced}; a shorter one keeps the previous
 * decision (the detector needs a frame). The stream processor keeps one gate per speaker; the trainer's offline
 * checks ({@link VoicedWindows}) use the same class, so both hear the same voiced audio.
 */
public final class VoiceGate {
    private final VoiceActivityDetector detector;
    private boolean voiced;

    /** @param detector the thread's detector (it holds FFT scratch space; gates of one thread may share it) */
    public VoiceGate(VoiceActivityDetector detector) {
        this.detector = detector;
    }

    /** Whether {@code chunk16k}, the stream's next chunk at 16 kHz, is voiced; the first chunk starts unvoiced. */
    public boolean isVoiced(float[] chunk16k) {
        if (chunk16k.length >= VoiceActivityDetector.HOP) {
            voiced = detector.isVoiced(chunk16k);
        }
        return voiced;
    }
}
