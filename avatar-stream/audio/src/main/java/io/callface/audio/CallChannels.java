package io.callface.audio;

import io.github.jaredmdobson.concentus.OpusApplication;
import io.github.jaredmdobson.concentus.OpusEncoder;
import io.github.jaredmdobson.concentus.OpusException;
import java.util.Arrays;
import java.util.Random;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * What a call's channel does to a voice before callface hears it. Each method takes clean 16 kHz speech, encodes it
 * as a platform sends it (20 ms payloads), and decodes it back with the stream processor's own front end
 * ({@link AudioFrontEnd#forStream}), so an evaluation hears exactly what the stream would.
 */
public final class CallChannels {
    /** Every payload carries 20 ms, as RTP does for G.711 and WebRTC for Opus. */
    static final int CHUNK_MS = 20;
    /** ITU-T G.712's telephone pass band. */
    static final double TELEPHONE_LOW_HZ = 300;
    static final double TELEPHONE_HIGH_HZ = 3400;
    static final int TELEPHONE_RATE = 8_000;
    private static final int MAX_OPUS_PACKET = 1275;

    private CallChannels() {
    }

    /**
     * A telephone call: the 300-3400 Hz band, 8 kHz, G.711 {@code law} ({@link SampleEncoding#MULAW} or
     * {@link SampleEncoding#ALAW}), back to 16 kHz by the stream's decoder and resampler.
     */
    public static float[] telephone(float[] clean16k, SampleEncoding law) {
        if (law != SampleEncoding.MULAW && law != SampleEncoding.ALAW) {
            throw new IllegalArgumentException("a telephone channel is G.711: MULAW or ALAW, not " + law);
        }
        G711Encoder encoder = law == SampleEncoding.MULAW ? G711Encoder.MU_LAW : G711Encoder.A_LAW;
        float[] narrow = telephoneBand(clean16k);
        int chunk = TELEPHONE_RATE * CHUNK_MS / 1000;
        StreamFrontEnd stream = AudioFrontEnd.forStream(law, TELEPHONE_RATE, 1);
        Output out = new Output(clean16k.length);
        for (int from = 0; from < narrow.length; from += chunk) {
            int n = Math.min(chunk, narrow.length - from);
            byte[] payload = new byte[n];
            for (int i = 0; i < n; i++) {
                payload[i] = encoder.encode(pcm16(narrow[from + i]));
            }
            out.append(stream.to16kMono(payload));
        }
        return out.samples();
    }

    /** libopus's default encoder complexity, which desktop WebRTC clients run near. */
    public static final int OPUS_DEFAULT_COMPLEXITY = 10;

    /**
     * A WebRTC call: Opus at {@code bitrate} bit/s (VoIP mode, 16 kHz, encoder {@code complexity} 0-10), each 20 ms
     * packet lost with probability {@code lossRate} (seeded). Lost packets never reach the stream, which skips lost
     * audio, so the result is shorter than the input by the lost share.
     */
    public static float[] opus(float[] clean16k, int bitrate, int complexity, double lossRate, long seed) {
        if (!(lossRate >= 0 && lossRate < 1)) {
            throw new IllegalArgumentException("loss rate must be in [0, 1), got " + lossRate);
        }
        OpusEncoder encoder = opusEncoder(bitrate, complexity);
        int chunk = Spectrogram.SAMPLE_RATE * CHUNK_MS / 1000;
        StreamFrontEnd stream = AudioFrontEnd.forStream(SampleEncoding.OPUS, Spectrogram.SAMPLE_RATE, 1);
        Random loss = new Random(seed);
        Output out = new Output(clean16k.length);
        short[] frame = new short[chunk];
        byte[] packet = new byte[MAX_OPUS_PACKET];
        for (int from = 0; from + chunk <= clean16k.length; from += chunk) {
            for (int i = 0; i < chunk; i++) {
                frame[i] = pcm16(clean16k[from + i]);
            }
            int length;
            try {
                length = encoder.encode(frame, 0, chunk, packet, 0, packet.length);
            } catch (OpusException e) {
                throw new IllegalStateException("Concentus could not encode a 20 ms frame", e);
            }
            if (loss.nextDouble() >= lossRate) {
                out.append(stream.to16kMono(Arrays.copyOf(packet, length)));
            }
        }
        return out.samples();
    }

    /**
     * {@code speech} with {@code noise} added at {@code snrDb} (speech power over noise power, both as mean squares
     * over the whole signal); the noise is looped or cut to the speech's length.
     */
    public static float[] withNoise(float[] speech, float[] noise, double snrDb) {
        if (noise.length == 0) {
            throw new IllegalArgumentException("noise is empty");
        }
        double speechPower = meanSquare(speech, speech.length);
        double noisePower = meanSquare(noise, noise.length);
        double gain = noisePower == 0 ? 0 : Math.sqrt(speechPower / (noisePower * Math.pow(10, snrDb / 10)));
        float[] mixed = new float[speech.length];
        for (int i = 0; i < speech.length; i++) {
            mixed[i] = (float) (speech[i] + gain * noise[i % noise.length]);
        }
        return mixed;
    }

    /** The 300-3400 Hz band of 16 kHz audio (zeroed outside it in one FFT of the whole signal), at 8 kHz. */
    static float[] telephoneBand(float[] clean16k) {
        // A power of two keeps JTransforms on its fast radix paths; the zero padding also keeps the filter from
        // wrapping the signal's end onto its start.
        int n = Integer.highestOneBit(Math.max(2, clean16k.length - 1)) << 1;
        double[] spectrum = new double[n];
        for (int i = 0; i < clean16k.length; i++) {
            spectrum[i] = clean16k[i];
        }
        DoubleFFT_1D fft = new DoubleFFT_1D(n);
        fft.realForward(spectrum);
        // realForward packs bin k's real and imaginary parts at 2k and 2k + 1, except bin n/2's real part at 1.
        double binHz = (double) Spectrogram.SAMPLE_RATE / n;
        spectrum[0] = 0;
        spectrum[1] = 0;
        for (int k = 1; k < n / 2; k++) {
            double hz = k * binHz;
            if (hz < TELEPHONE_LOW_HZ || hz > TELEPHONE_HIGH_HZ) {
                spectrum[2 * k] = 0;
                spectrum[2 * k + 1] = 0;
            }
        }
        fft.realInverse(spectrum, true);
        // Nothing above 4 kHz is left, so keeping every other sample does not alias.
        float[] narrow = new float[clean16k.length / 2];
        for (int i = 0; i < narrow.length; i++) {
            narrow[i] = (float) spectrum[2 * i];
        }
        return narrow;
    }

    private static OpusEncoder opusEncoder(int bitrate, int complexity) {
        if (complexity < 0 || complexity > OPUS_DEFAULT_COMPLEXITY) {
            throw new IllegalArgumentException("Opus complexity must be in [0, 10], got " + complexity);
        }
        try {
            OpusEncoder encoder = new OpusEncoder(Spectrogram.SAMPLE_RATE, 1, OpusApplication.OPUS_APPLICATION_VOIP);
            encoder.setBitrate(bitrate);
            encoder.setComplexity(complexity);
            return encoder;
        } catch (OpusException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Concentus refused a mono 16 kHz Opus encoder at " + bitrate + " bit/s", e);
        }
    }

    private static short pcm16(float sample) {
        return (short) Math.round(Math.max(-1f, Math.min(1f, sample)) * 32767f);
    }

    private static double meanSquare(float[] samples, int n) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += (double) samples[i] * samples[i];
        }
        return n == 0 ? 0 : sum / n;
    }

    /** Decoded samples gathered in order. */
    private static final class Output {
        private float[] samples;
        private int size;

        Output(int capacity) {
            samples = new float[Math.max(capacity, 1)];
        }

        void append(float[] more) {
            if (size + more.length > samples.length) {
                samples = Arrays.copyOf(samples, Math.max(samples.length * 2, size + more.length));
            }
            System.arraycopy(more, 0, samples, size, more.length);
            size += more.length;
        }

        float[] samples() {
            return Arrays.copyOf(samples, size);
        }
    }
}
