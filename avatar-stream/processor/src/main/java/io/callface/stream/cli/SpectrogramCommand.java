package io.callface.stream.cli;

import io.callface.audio.Audio;
import io.callface.audio.AudioFormatException;
import io.callface.audio.AudioFrontEnd;
import io.callface.audio.NpyWriter;
import io.callface.audio.Spectrogram;
import io.callface.audio.SpeechSegment;
import io.callface.audio.WavReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code spectrogram IN.wav OUT.npy}: the voice encoder's input for a WAV file, exactly as the stream computes
 * it (mono mixdown, resampling to 16 kHz, the complex compressed spectrogram), saved as a float32
 * {@code [2, T, 257]} NumPy array so the trainer and notebooks can check against the running system.
 *
 * <p>Exit codes: 0 done, 1 the output could not be written, 2 bad input (unreadable or unsupported WAV, a
 * rate that cannot be resampled, audio shorter than one 25 ms frame) or bad arguments.
 */
@Command(name = "spectrogram", mixinStandardHelpOptions = true,
        description = "Writes the [2, T, 257] float32 spectrogram of a PCM WAV file as a NumPy .npy file.")
public final class SpectrogramCommand implements Callable<Integer> {
    static final int EXIT_WRITE_FAILED = 1;
    static final int EXIT_BAD_INPUT = 2;

    @Parameters(index = "0", paramLabel = "IN.wav",
            description = "PCM WAV (8/16/24/32-bit integer or 32-bit float, any channel count)")
    Path input;

    @Parameters(index = "1", paramLabel = "OUT.npy", description = "where to write the float32 [2, T, 257] array")
    Path output;

    @Option(names = "--six-seconds",
            description = "apply the paper's segment rule first: repeat to at least 6 s, then cut to 6 s (T = 598)")
    boolean sixSeconds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        float[] spectrogram;
        int frames;
        try {
            Audio audio = WavReader.read(input);
            float[] samples = AudioFrontEnd.to16kMono(audio);
            if (sixSeconds) {
                samples = SpeechSegment.toSixSeconds(samples);
            }
            spectrogram = new Spectrogram().compute(samples);
            frames = Spectrogram.frameCount(samples.length);
        } catch (AudioFormatException e) {
            return fail(EXIT_BAD_INPUT, input + ": " + e.getMessage());
        } catch (IOException e) {
            return fail(EXIT_BAD_INPUT, input + ": cannot read (" + e + ")");
        }
        try {
            NpyWriter.write(output, spectrogram, 2, frames, Spectrogram.BINS);
        } catch (IOException e) {
            return fail(EXIT_WRITE_FAILED, output + ": cannot write (" + e + ")");
        }
        spec.commandLine().getOut().printf("%s: [2, %d, %d] float32%n", output, frames, Spectrogram.BINS);
        return 0;
    }

    private int fail(int exitCode, String message) {
        spec.commandLine().getErr().println("spectrogram: " + message);
        return exitCode;
    }
}
