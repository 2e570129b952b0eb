package io.callface.trainer.eval;

/** The kinds of face the attribute classifiers judge in an evaluation. */
public enum FaceSource {
    /** The corpus's canonical test faces; their reference is the true traits. */
    TRUE("true faces", "true"),
    /** Faces decoded from the true face feature {@code v_f} (F2F, the decoder's best). */
    FROM_FACE_FEATURE("decoded from v_f (F2F)", "f2f"),
    /** Faces decoded from {@code v_s} of 6 s of speech (S2F). */
    FROM_SPEECH_6S("decoded from 6 s speech (S2F)", "s2f_6s"),
    /** Faces decoded from {@code v_s} of the first 3 s, repeated to 6 s. */
    FROM_SPEECH_3S("decoded from 3 s speech (S2F)", "s2f_3s"),
    /**
     * Faces decoded from a {@link LogMelListener}'s estimate of {@code v_f} from 6 s of speech: what a listener that
     * hears what log mel statistics hold would draw through this face stage, a reference for the S2F rows.
     */
    FROM_LOG_MEL_6S("decoded from log mel statistics of 6 s (listener)", "logmel_6s"),
    /**
     * Faces decoded from the {@link TraitOracle}'s estimate of {@code v_f} from the exact voice and accent parameters,
     * one per test identity: what perfect hearing and a linear map to the face feature would draw through this face
     * stage, the ceiling of the S2F rows for this face stage.
     */
    FROM_TRAIT_ORACLE("decoded from the voice-trait oracle (perfect hearing)", "oracle");

    private final String label;
    private final String key;

    FaceSource(String label, String key) {
        this.label = label;
        this.key = key;
    }

    /** Words for tables and figures. */
    public String label() {
        return label;
    }

    /** The suffix of this source's metrics in {@code model.json}, e.g. {@code s2f_6s}. */
    public String key() {
        return key;
    }

    /** What the rows of this source's confusion matrices are. */
    public String rowsAre() {
        return this == TRUE ? "the true trait" : "judged on the true face";
    }

    /** The file of this source's confusion matrices. */
    public String confusionFile() {
        return "confusion-" + key.replace('_', '-') + ".png";
    }
}
