package io.callface.audio.synth;

import java.util.List;

/**
 * One syllable of a generated word: onset consonants, a vowel nucleus and coda consonants, with its lexical stress
 * and whether it belongs to a content word (which can carry a pitch accent) and ends its word.
 */
record Syllable(List<Consonant> onset, Vowel vowel, List<Consonant> coda, boolean stressed, boolean contentWord,
                boolean wordFinal) {
    Syllable {
        onset = List.copyOf(onset);
        coda = List.copyOf(coda);
        if (vowel == null) {
            throw new IllegalArgumentException("vowel: must not be null");
        }
    }
}
