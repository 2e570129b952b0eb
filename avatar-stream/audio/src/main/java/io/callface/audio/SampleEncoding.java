package io.callface.audio;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How the samples of an audio payload are encoded. Kept free of the Avro types on purpose: the audio front
 * end depends on nothing Kafka-shaped, and the caller maps its wire enum with {@link #of(String)}.
 */
public enum SampleEncoding {
    /** Signed 16-bit little-endian PCM; sample value {@code x / 32768}. */
    PCM_S16LE(2),
    /** 32-bit little-endian IEEE-754 float PCM, already in [-1, 1]. */
    PCM_F32LE(4),
    /** ITU-T G.711 mu-law, one byte per sample. */
    MULAW(1),
    /** ITU-T G.711 A-law, one byte per sample. */
    ALAW(1),
    /** Opus packets (RFC 6716), one packet per payload; needs per-stream decoder state. */
    OPUS(0);

    private final int bytesPerSample;

    SampleEncoding(int bytesPerSample) {
        this.bytesPerSample = bytesPerSample;
    }

    /** Bytes per sample per channel; 0 for {@link #OPUS}, whose packets have no fixed sample size. */
    public int bytesPerSample() {
        return bytesPerSample;
    }

    /** Looks an encoding up by name, ignoring case and surrounding blanks ("pcm_s16le", "OPUS"). */
    public static SampleEncoding of(String name) {
        if (name == null) {
            throw new AudioFormatException("encoding", "null is not supported (supported: " + supportedNames() + ")");
        }
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new AudioFormatException("encoding",
                    "'" + name + "' is not supported (supported: " + supportedNames() + ")");
        }
    }

    private static String supportedNames() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
