package io.callface.stream.synth;

import io.callface.avro.Encoding;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a simulated caller's platform encodes its audio: an {@link Encoding} at a sample rate. */
public enum Codec {
    /** Wideband VoIP, the stream's native rate. */
    PCM16_16K(Encoding.PCM_S16LE, 16_000),
    /** Telephony: G.711 mu-law. */
    MULAW_8K(Encoding.MULAW, 8_000),
    /** Telephony: G.711 A-law. */
    ALAW_8K(Encoding.ALAW, 8_000),
    /** WebRTC: one Opus packet per 20 ms. */
    OPUS_48K(Encoding.OPUS, 48_000),
    /** Browser capture: float PCM at 48 kHz, resampled by callface. */
    F32_48K(Encoding.PCM_F32LE, 48_000);

    /** The mix the load runs use unless told otherwise: every codec, in turn. */
    public static final List<Codec> DEFAULT_MIX = List.of(values());

    private final Encoding encoding;
    private final int sampleRate;

    Codec(Encoding encoding, int sampleRate) {
        this.encoding = encoding;
        this.sampleRate = sampleRate;
    }

    public Encoding encoding() {
        return encoding;
    }

    public int sampleRate() {
        return sampleRate;
    }

    /** Samples in one 20 ms chunk. */
    public int chunkSamples() {
        return sampleRate / 50;
    }

    /** A codec by name, ignoring case and '-' versus '_' ("pcm16-16k", "OPUS_48K"). */
    public static Codec parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("codec: '" + name + "' is not one of "
                    + Arrays.stream(values()).map(Codec::cliName).collect(Collectors.joining(", ")), e);
        }
    }

    /** The name the command line uses, e.g. {@code opus-48k}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
