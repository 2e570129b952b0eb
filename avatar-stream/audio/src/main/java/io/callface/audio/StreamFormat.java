package io.callface.audio;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The declared format of one speaker's audio stream: encoding, sample rate and interleaved channel count.
 * Validated on construction so that a bad declaration fails once, with a clear message, before any payload
 * is decoded.
 *
 * @param encoding   how samples are encoded
 * @param sampleRate samples per second per channel; one of {@link #SUPPORTED_SAMPLE_RATES}
 * @param channels   interleaved channels, 1..{@link #MAX_CHANNELS} (1..2 for Opus); decoders mix them to mono
 */
public record StreamFormat(SampleEncoding encoding, int sampleRate, int channels) {
    /** The rates callers may declare; each can be resampled to 16 kHz by {@link Resampler}. */
    public static final List<Integer> SUPPORTED_SAMPLE_RATES =
            List.of(8000, 11025, 16000, 22050, 24000, 32000, 44100, 48000);
    public static final int MAX_CHANNELS = 8;
    /** Opus (RFC 6716) carries mono or stereo only. */
    public static final int MAX_OPUS_CHANNELS = 2;

    public StreamFormat {
        if (encoding == null) {
            throw new AudioFormatException("encoding", "null is not supported");
        }
        requireSupportedRate(sampleRate);
        int maxChannels = encoding == SampleEncoding.OPUS ? MAX_OPUS_CHANNELS : MAX_CHANNELS;
        if (channels < 1 || channels > maxChannels) {
            throw new AudioFormatException("channels",
                    channels + " is not supported for " + encoding + " (supported: 1.." + maxChannels + ")");
        }
    }

    /** Returns {@code sampleRate} if it is one of {@link #SUPPORTED_SAMPLE_RATES}, else throws. */
    public static int requireSupportedRate(int sampleRate) {
        if (SUPPORTED_SAMPLE_RATES.contains(sampleRate)) {
            return sampleRate;
        }
        throw new AudioFormatException("sampleRate", sampleRate + " Hz is not supported (supported: "
                + SUPPORTED_SAMPLE_RATES.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")");
    }
}
