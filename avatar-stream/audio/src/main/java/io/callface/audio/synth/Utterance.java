package io.callface.audio.synth;

import java.util.List;

/**
 * A timed plan of one utterance in 1 ms control steps ({@link #STEP} samples): its phones, the intonation targets,
 * where the voice creaks and where each phrase lies. {@link ControlTracks} turns it into per-step parameters.
 */
record Utterance(List<Segment> segments, List<PitchTarget> pitch, List<Span> creak, List<Span> phrases, int steps) {
    /** Samples per control step: 1 ms at 16 kHz. */
    static final int STEP = 16;

    Utterance {
        segments = List.copyOf(segments);
        pitch = List.copyOf(pitch);
        creak = List.copyOf(creak);
        phrases = List.copyOf(phrases);
    }

    /**
     * One phone. {@code consonant} is null for a vowel. Formants (Hz, for this speaker's tract) are the targets at
     * a quarter and three quarters of a vowel, and the anchor at the middle of a consonant ({@code onset} =
     * {@code offset}). {@code releaseSteps} is a plosive's voice-onset time after its closure; 0 otherwise.
     * {@code stressed} is the lexical stress of the phone's syllable.
     */
    record Segment(Consonant consonant, int start, int length, boolean stressed, double loudness, Formants onset,
                   Formants offset, int releaseSteps) {
        boolean isVowel() {
            return consonant == null;
        }

        int end() {
            return start + length;
        }
    }

    /** Intonation target: {@code semitones} relative to the speaker's median F0 level at control step {@code step}. */
    record PitchTarget(int step, double semitones) {
    }

    /** Control steps [{@code from}, {@code to}). */
    record Span(int from, int to) {
    }
}
