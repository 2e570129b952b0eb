package io.callface.audio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads RIFF/WAVE files holding uncompressed PCM: 8-bit unsigned, 16/24/32-bit signed integer or 32-bit IEEE
 * float, at any rate and with any channel count (plain or WAVE_FORMAT_EXTENSIBLE headers). Channels are
 * mixed to mono by their mean. Anything else (compressed formats, missing or truncated chunks, float samples
 * that are not finite values in [-1, 1]) is an {@link AudioFormatException} naming the field.
 */
public final class WavReader {
    private static final int FORMAT_PCM = 1;
    private static final int FORMAT_IEEE_FLOAT = 3;
    private static final int FORMAT_EXTENSIBLE = 0xFFFE;

    private WavReader() {
    }

    /** Reads the WAV file at {@code path}. */
    public static Audio read(Path path) throws IOException {
        return read(Files.readAllBytes(path));
    }

    /** Reads a whole WAV file from {@code in} (not closed). */
    public static Audio read(InputStream in) throws IOException {
        return read(in.readAllBytes());
    }

    /** Parses the bytes of a whole WAV file. */
    public static Audio read(byte[] file) {
        ByteBuffer buf = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        if (file.length < 12 || !"RIFF".equals(tag(buf, 0)) || !"WAVE".equals(tag(buf, 8))) {
            throw new AudioFormatException("header", "not a RIFF/WAVE file (" + file.length
                    + " bytes, expected 'RIFF....WAVE' at the start)");
        }
        Format format = null;
        int position = 12;
        while (position + 8 <= file.length) {
            String id = tag(buf, position);
            long size = Integer.toUnsignedLong(buf.getInt(position + 4));
            int body = position + 8;
            if (id.equals("fmt ")) {
                format = Format.parse(buf, body, size);
            } else if (id.equals("data")) {
                if (format == null) {
                    throw new AudioFormatException("fmt", "missing: the 'data' chunk comes before any 'fmt ' chunk");
                }
                if (size > file.length - body) {
                    throw new AudioFormatException("data", "truncated: the chunk declares " + size
                            + " bytes but only " + (file.length - body) + " remain");
                }
                return new Audio(format.decode(buf, body, (int) size), format.sampleRate);
            }
            // Chunks are padded to an even length.
            position = (int) Math.min(file.length, body + size + (size & 1));
        }
        throw new AudioFormatException(format == null ? "fmt" : "data", "missing: no '"
                + (format == null ? "fmt " : "data") + "' chunk in " + file.length + " bytes");
    }

    private static String tag(ByteBuffer buf, int at) {
        byte[] id = new byte[4];
        buf.get(at, id);
        return new String(id, StandardCharsets.US_ASCII);
    }

    /** The 'fmt ' chunk fields that decoding needs. */
    private record Format(boolean isFloat, int channels, int sampleRate, int bitsPerSample) {
        static Format parse(ByteBuffer buf, int at, long size) {
            if (size < 16 || at + 16 > buf.capacity()) {
                throw new AudioFormatException("fmt", "truncated: " + size + " bytes, at least 16 needed");
            }
            int code = Short.toUnsignedInt(buf.getShort(at));
            int channels = Short.toUnsignedInt(buf.getShort(at + 2));
            int sampleRate = buf.getInt(at + 4);
            int blockAlign = Short.toUnsignedInt(buf.getShort(at + 12));
            int bits = Short.toUnsignedInt(buf.getShort(at + 14));
            if (code == FORMAT_EXTENSIBLE) {
                if (size < 40 || at + 40 > buf.capacity()) {
                    throw new AudioFormatException("fmt", "truncated: WAVE_FORMAT_EXTENSIBLE needs 40 bytes, got " + size);
                }
                // The sub-format GUID starts with the plain format code.
                code = Short.toUnsignedInt(buf.getShort(at + 24));
            }
            if (code != FORMAT_PCM && code != FORMAT_IEEE_FLOAT) {
                throw new AudioFormatException("fmt.audioFormat", "0x" + Integer.toHexString(code)
                        + " is not supported (supported: 0x1 integer PCM, 0x3 IEEE float; compressed WAV is not)");
            }
            boolean isFloat = code == FORMAT_IEEE_FLOAT;
            if (isFloat ? bits != 32 : bits != 8 && bits != 16 && bits != 24 && bits != 32) {
                throw new AudioFormatException("fmt.bitsPerSample", bits + " is not supported for "
                        + (isFloat ? "IEEE float (supported: 32)" : "integer PCM (supported: 8, 16, 24, 32)"));
            }
            if (channels == 0) {
                throw new AudioFormatException("fmt.channels", "0 is not a channel count");
            }
            if (sampleRate <= 0) {
                throw new AudioFormatException("fmt.sampleRate",
                        Integer.toUnsignedString(sampleRate) + " Hz is not a sample rate");
            }
            if (blockAlign != channels * bits / 8) {
                throw new AudioFormatException("fmt.blockAlign", blockAlign + " does not match " + channels
                        + " channels of " + bits + " bits (" + channels * bits / 8 + ")");
            }
            return new Format(isFloat, channels, sampleRate, bits);
        }

        float[] decode(ByteBuffer buf, int at, int size) {
            int bytesPerSample = bitsPerSample / 8;
            int frameBytes = bytesPerSample * channels;
            if (size % frameBytes != 0) {
                throw new AudioFormatException("data", "truncated: " + size + " bytes is not a whole number of "
                        + channels + "-channel " + bitsPerSample + "-bit frames (" + frameBytes + " bytes each)");
            }
            int frames = size / frameBytes;
            float[] mono = new float[frames];
            int offset = at;
            for (int f = 0; f < frames; f++) {
                double sum = 0;
                for (int c = 0; c < channels; c++) {
                    sum += sample(buf, offset, f * channels + c);
                    offset += bytesPerSample;
                }
                mono[f] = (float) (sum / channels);
            }
            return mono;
        }

        private float sample(ByteBuffer buf, int at, int index) {
            if (isFloat) {
                return PcmDecoder.checkedFloat(buf.getFloat(at), index);
            }
            return switch (bitsPerSample) {
                case 8 -> (Byte.toUnsignedInt(buf.get(at)) - 128) / 128f;
                case 16 -> buf.getShort(at) / 32768f;
                case 24 -> ((buf.get(at + 2) << 16) | (Byte.toUnsignedInt(buf.get(at + 1)) << 8)
                        | Byte.toUnsignedInt(buf.get(at))) / 8388608f;
                default -> (float) (buf.getInt(at) / 2147483648.0);
            };
        }
    }
}
