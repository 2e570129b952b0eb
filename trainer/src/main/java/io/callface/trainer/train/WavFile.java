package io.callface.trainer.train;

import io.callface.stream.audio.Spectrogram;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Minimal reader of 16 kHz mono PCM16 RIFF/WAVE files, samples scaled to [-1, 1) by 1/32768. */
final class WavFile {
    private WavFile() {
    }

    static float[] readMono16k(Path file) {
        ByteBuffer bytes;
        try {
            bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        } catch (IOException e) {
            throw new CorpusException("cannot read audio " + file + ": " + e.getMessage(), e);
        }
        if (bytes.remaining() < 12 || bytes.getInt(0) != 0x46464952 || bytes.getInt(8) != 0x45564157) {
            throw new CorpusException("audio " + file + ": not a RIFF/WAVE file");
        }
        boolean formatSeen = false;
        int position = 12;
        while (position + 8 <= bytes.limit()) {
            int id = bytes.getInt(position);
            int size = bytes.getInt(position + 4);
            int body = position + 8;
            if (id == 0x20746d66) { // "fmt "
                int format = bytes.getShort(body) & 0xffff;
                int channels = bytes.getShort(body + 2);
                int rate = bytes.getInt(body + 4);
                int bits = bytes.getShort(body + 14);
                if (format != 1 || channels != 1 || rate != Spectrogram.SAMPLE_RATE || bits != 16) {
                    throw new CorpusException("audio " + file + ": expected 16 kHz mono PCM16, got format " + format
                            + ", " + channels + " channels, " + rate + " Hz, " + bits + " bits");
                }
                formatSeen = true;
            } else if (id == 0x61746164) { // "data"
                if (!formatSeen) {
                    throw new CorpusException("audio " + file + ": data chunk before fmt chunk");
                }
                int count = Math.min(size, bytes.limit() - body) / 2;
                float[] samples = new float[count];
                for (int i = 0; i < count; i++) {
                    samples[i] = bytes.getShort(body + 2 * i) / 32768f;
                }
                return samples;
            }
            position = body + size + (size & 1);
        }
        throw new CorpusException("audio " + file + ": no data chunk");
    }
}
