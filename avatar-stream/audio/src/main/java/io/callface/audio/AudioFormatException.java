package io.callface.audio;

/**
 * Audio that callface cannot read: an unsupported encoding, rate or channel count, a payload of the wrong
 * length, a corrupt packet, a malformed WAV file or a sample that is not a finite value in [-1, 1].
 *
 * <p>The message always starts with the offending field, then its value and what was expected, for example
 * {@code "sampleRate: 12345 Hz is not supported (supported: 8000, 11025, ...)"}; {@link #field()} returns
 * the field on its own so callers can count or route failures without parsing text.
 */
public final class AudioFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;

    /** {@code field} names what was wrong ("sampleRate", "payload", "samples[17]"); {@code problem} says how. */
    public AudioFormatException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    /** As {@link #AudioFormatException(String, String)}, keeping the library exception that found the fault. */
    public AudioFormatException(String field, String problem, Throwable cause) {
        super(field + ": " + problem, cause);
        this.field = field;
    }

    /** The offending field, as named at the start of the message. */
    public String field() {
        return field;
    }
}
