package io.callface.trainer.train;

import io.callface.audio.AudioFormatException;
import io.callface.audio.AudioFrontEnd;
import io.callface.audio.WavReader;
import io.callface.trainer.synth.CorpusFormatException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads a corpus clip through the stream processor's own front end (WAV decoding, mono mixdown,
 * band-limited resampling to 16 kHz), so training sees audio exactly as serving does.
 */
public final class WavFile {
    private WavFile() {
    }

    public static float[] readMono16k(Path file) {
        try {
            return AudioFrontEnd.to16kMono(WavReader.read(file));
        } catch (IOException e) {
            throw new CorpusFormatException("cannot read audio " + file + ": " + e.getMessage(), e);
        } catch (AudioFormatException e) {
            throw new CorpusFormatException("audio " + file + ": " + e.getMessage(), e);
        }
    }
}
