package io.callface.stream.window;

/**
 * A closed window of one speaker's audio, turned into the encoder's input.
 *
 * @param speaker          whose window
 * @param windowIndex      0-based index in the speaker's stream
 * @param windowStartMs    capture time of the first chunk
 * @param windowEndMs      capture time of the end of the last chunk
 * @param provisional      true when less than 6 s of audio was repeated to 6 s
 * @param audioSeconds     seconds of voiced audio before repetition
 * @param voicedFraction   voiced share of the audio accepted while the window filled
 * @param spectrogram      {@code [2, frames, 257]} channel-major (see {@code Spectrogram})
 * @param frames           T
 * @param spectrogramNanos time spent assembling and transforming the audio
 * @param closedAtNanos    {@link System#nanoTime()} when the window's last chunk was processed
 */
public record SpeakerWindow(SpeakerId speaker, long windowIndex, long windowStartMs, long windowEndMs,
                            boolean provisional, float audioSeconds, float voicedFraction, float[] spectrogram, int frames,
                            long spectrogramNanos, long closedAtNanos) {
    public SpeakerWindow {
        if (spectrogram.length != 2 * frames * io.callface.audio.Spectrogram.BINS) {
            throw new IllegalArgumentException("spectrogram: " + spectrogram.length + " values do not make [2, "
                    + frames + ", 257]");
        }
    }
}
