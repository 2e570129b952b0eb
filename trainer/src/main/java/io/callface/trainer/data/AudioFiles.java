package io.callface.trainer.data;

import io.callface.audio.Audio;
import io.callface.audio.AudioFormatException;
import io.callface.audio.WavReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.jflac.FLACDecoder;
import org.jflac.PCMProcessor;
import org.jflac.metadata.StreamInfo;
import org.jflac.util.ByteData;

/**
 * Reads the recordings of a real-data corpus: WAV (through the stream processor's own {@link WavReader}) or FLAC
 * (through jFLAC), at any rate, any channel count and any length, mixed to mono by the channels' mean as
 * {@link WavReader} does. The format is told by the file's first bytes, not its name.
 */
public final class AudioFiles {
    private static final byte[] FLAC_MAGIC = {'f', 'L', 'a', 'C'};

    private AudioFiles() {
    }

    /** The recording at {@code file}; an {@link IllegalArgumentException} naming the file for anything unreadable. */
    public static Audio read(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            return isFlac(bytes) ? readFlac(bytes) : WavReader.read(bytes);
        } catch (IOException | AudioFormatException e) {
            throw new IllegalArgumentException("audio " + file + ": " + e.getMessage(), e);
        }
    }

    private static boolean isFlac(byte[] bytes) {
        return bytes.length >= 4 && Arrays.equals(bytes, 0, 4, FLAC_MAGIC, 0, 4);
    }

    private static Audio readFlac(byte[] bytes) throws IOException {
        FlacCollector collector = new FlacCollector();
        FLACDecoder decoder = new FLACDecoder(new ByteArrayInputStream(bytes));
        decoder.addPCMProcessor(collector);
        decoder.decode();
        if (collector.info == null) {
            throw new IOException("FLAC stream without a STREAMINFO block");
        }
        if (decoder.getBadFrames() > 0) {
            throw new IOException(decoder.getBadFrames() + " FLAC frame(s) failed their checksum");
        }
        if (collector.length == 0) {
            throw new IOException("FLAC stream holds no samples");
        }
        return new Audio(Arrays.copyOf(collector.mono, collector.length), collector.info.getSampleRate());
    }

    /** Mixes jFLAC's interleaved little-endian PCM frames to mono floats in [-1, 1] as they are decoded. */
    private static final class FlacCollector implements PCMProcessor {
        private StreamInfo info;
        private float[] mono = new float[1 << 16];
        private int length;

        @Override
        public void processStreamInfo(StreamInfo streamInfo) {
            info = streamInfo;
        }

        @Override
        public void processPCM(ByteData pcm) {
            int channels = info.getChannels();
            int bytesPerSample = (info.getBitsPerSample() + 7) / 8;
            double fullScale = Math.pow(2, 8 * bytesPerSample - 1);
            byte[] data = pcm.getData();
            int frames = pcm.getLen() / (bytesPerSample * channels);
            if (length + frames > mono.length) {
                mono = Arrays.copyOf(mono, Math.max(2 * mono.length, length + frames));
            }
            for (int f = 0; f < frames; f++) {
                double sum = 0;
                for (int c = 0; c < channels; c++) {
                    sum += sample(data, (f * channels + c) * bytesPerSample, bytesPerSample);
                }
                mono[length++] = (float) (sum / channels / fullScale);
            }
        }

        /** jFLAC writes 8-bit samples unsigned (as WAV does) and wider ones signed little-endian. */
        private static int sample(byte[] data, int at, int bytes) {
            if (bytes == 1) {
                return (data[at] & 0xFF) - 128;
            }
            int value = 0;
            for (int i = 0; i < bytes; i++) {
                value |= (data[at + i] & 0xFF) << (8 * i);
            }
            int shift = 32 - 8 * bytes;
            return (value << shift) >> shift;
        }
    }
}
