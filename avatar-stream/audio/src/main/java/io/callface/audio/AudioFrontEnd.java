package io.callface.audio;

/** Entry points from audio as it arrives to the 16 kHz mono samples the spectrogram reads. */
public final class AudioFrontEnd {
    private AudioFrontEnd() {
    }

    /** Mono {@code samples} at {@code sampleRate} (a supported rate) resampled to 16 kHz. */
    public static float[] to16kMono(float[] samples, int sampleRate) {
        return Resampler.to16k(samples, sampleRate);
    }

    /** {@code audio} (mono already, as {@link WavReader} returns it) resampled to 16 kHz. */
    public static float[] to16kMono(Audio audio) {
        return Resampler.to16k(audio.samples(), audio.sampleRate());
    }

    /**
     * A stateful front end for one speaker stream of the declared format.
     *
     * @throws AudioFormatException if the format is not supported
     */
    public static StreamFrontEnd forStream(SampleEncoding encoding, int sampleRate, int channels) {
        return new StreamFrontEnd(AudioDecoders.forStream(encoding, sampleRate, channels));
    }
}
