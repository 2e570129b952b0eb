package io.callface.trainer.data;

import io.callface.audio.Spectrogram;
import io.callface.trainer.synth.CorpusClip;
import io.callface.trainer.synth.CorpusManifest;
import io.callface.trainer.synth.LandmarksCsv;
import io.callface.trainer.train.WavFile;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import net.sourceforge.javaflacencoder.FLAC_FileEncoder;

/**
 * Writes a "real-looking" corpus from a synthetic one, as a platform's own data would arrive: recordings at 44.1 and
 * 48 kHz in stereo, as 24-bit WAV and 16-bit FLAC, of uneven lengths (an identity's clips joined and cut); photos
 * as JPEGs of several sizes with the face scaled, turned and placed anywhere, with 68-point iBUG {@code .pts} or
 * 5-point CSV landmarks in photo pixels; and rows a real corpus also has: a missing recording, an unknown split, a
 * photo without landmarks, a file that is no image, a recording with no speech.
 */
final class RealCorpusFixture {
    /** The bad rows the fixture appends, in order; each must be skipped with its line number. */
    static final List<String> BAD_ROW_REASONS = List.of("does not exist", "split", "landmarks: none given",
            "not a JPEG or PNG image", "voiced speech");

    private RealCorpusFixture() {
    }

    /**
     * What was written: the corpus directory, its good and bad row counts, and the one identity whose photos all come
     * with 5 points (the others have one photo with 68).
     */
    record Written(Path dir, int goodRows, int badRows, int identities, String fivePointOnly) {
    }

    static Written write(CorpusManifest synthetic, Path dir, long seed) {
        try {
            return writeUnchecked(synthetic, dir, new Random(seed));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Written writeUnchecked(CorpusManifest synthetic, Path dir, Random random) throws IOException {
        Files.createDirectories(dir.resolve("audio"));
        Files.createDirectories(dir.resolve("photos"));
        Map<String, List<CorpusClip>> byIdentity = synthetic.clips().stream()
                .collect(Collectors.groupingBy(CorpusClip::identity, java.util.LinkedHashMap::new, Collectors.toList()));
        StringBuilder csv = new StringBuilder("identity,split,audio,face,landmarks\n");
        int good = 0;
        String fivePointOnly = List.copyOf(byIdentity.keySet()).get(byIdentity.size() - 1);
        for (Map.Entry<String, List<CorpusClip>> entry : byIdentity.entrySet()) {
            String id = entry.getKey();
            List<CorpusClip> clips = entry.getValue();
            String split = clips.get(0).split().csvName();
            float[] joined = join(clips);
            // A long recording (every clip) with the canonical photo and 68 points, as WAV 24-bit 44.1 kHz stereo.
            String longAudio = "audio/" + id + "-call.wav";
            writeWav24Stereo(dir.resolve(longAudio), resample(joined, 44_100), 44_100);
            String photo = "photos/" + id + ".jpg";
            boolean full = !id.equals(fivePointOnly);
            String pts = "photos/" + id + (full ? ".pts" : ".txt");
            photo(clips.get(0).face(), dir.resolve(photo), dir.resolve(pts), full, random);
            csv.append(String.join(",", id, split, longAudio, photo, pts)).append('\n');
            // A shorter, uneven cut as 16-bit FLAC at 48 kHz, with another photo of the person and 5 points.
            int cut = joined.length - (int) ((0.2 + 1.3 * random.nextDouble()) * Spectrogram.SAMPLE_RATE);
            String flac = "audio/" + id + "-voicemail.flac";
            writeFlac(dir.resolve(flac), resample(java.util.Arrays.copyOfRange(joined, joined.length - cut,
                    joined.length), 48_000), 48_000);
            List<Path> views = synthetic.renderings(id);
            Path second = views.isEmpty() ? clips.get(0).face() : views.get(0);
            String photo2 = "photos/" + id + "-2.jpg";
            String five = "photos/" + id + "-2.csv";
            photo(second, dir.resolve(photo2), dir.resolve(five), false, random);
            csv.append(String.join(",", id, split, flac, photo2, five)).append('\n');
            good += 2;
        }
        String first = byIdentity.keySet().iterator().next();
        String split = byIdentity.get(first).get(0).split().csvName();
        String pts = "photos/" + first + ".pts";
        String photo = "photos/" + first + ".jpg";
        Files.write(dir.resolve("photos/broken.jpg"), "not an image".getBytes(StandardCharsets.US_ASCII));
        writeWav24Stereo(dir.resolve("audio/silence.wav"), new float[44_100 * 8], 44_100);
        csv.append(String.join(",", first, split, "audio/missing.wav", photo, pts)).append('\n')
                .append(String.join(",", first, "dev", "audio/" + first + "-call.wav", photo, pts)).append('\n')
                .append(String.join(",", first, split, "audio/" + first + "-call.wav", photo, "")).append('\n')
                .append(String.join(",", first, split, "audio/" + first + "-call.wav", "photos/broken.jpg", pts))
                .append('\n')
                .append(String.join(",", first, split, "audio/silence.wav", photo, pts)).append('\n');
        Files.writeString(dir.resolve(RecordingsCsv.FILE), csv, StandardCharsets.UTF_8);
        return new Written(dir, good, BAD_ROW_REASONS.size(), byIdentity.size(), fivePointOnly);
    }

    private static float[] join(List<CorpusClip> clips) {
        List<float[]> parts = new ArrayList<>();
        int total = 0;
        for (CorpusClip clip : clips) {
            float[] samples = WavFile.readMono16k(clip.audio());
            parts.add(samples);
            total += samples.length;
        }
        float[] joined = new float[total];
        int at = 0;
        for (float[] part : parts) {
            System.arraycopy(part, 0, joined, at, part.length);
            at += part.length;
        }
        return joined;
    }

    /** Linear interpolation up from 16 kHz: a recording at another rate, as a device would have made it. */
    private static float[] resample(float[] samples16k, int rate) {
        int n = (int) ((long) samples16k.length * rate / Spectrogram.SAMPLE_RATE);
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            double t = i * (double) Spectrogram.SAMPLE_RATE / rate;
            int k = (int) t;
            double f = t - k;
            float a = samples16k[Math.min(k, samples16k.length - 1)];
            float b = samples16k[Math.min(k + 1, samples16k.length - 1)];
            out[i] = (float) (a + f * (b - a));
        }
        return out;
    }

    /** Left the signal, right the signal at 80 %: a stereo recording whose mono mix is 0.9 of it. */
    static void writeWav24Stereo(Path file, float[] samples, int rate) throws IOException {
        ByteBuffer data = ByteBuffer.allocate(samples.length * 6).order(ByteOrder.LITTLE_ENDIAN);
        for (float s : samples) {
            put24(data, s);
            put24(data, 0.8f * s);
        }
        Files.write(file, wav(data.array(), rate, 2, 24));
    }

    private static void writeFlac(Path file, float[] samples, int rate) throws IOException {
        ByteBuffer data = ByteBuffer.allocate(samples.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float s : samples) {
            data.putShort((short) Math.round(Math.max(-1, Math.min(1, s)) * 32767));
            data.putShort((short) Math.round(Math.max(-1, Math.min(1, 0.8f * s)) * 32767));
        }
        Path wav = file.resolveSibling(file.getFileName() + ".tmp.wav");
        Files.write(wav, wav(data.array(), rate, 2, 16));
        FLAC_FileEncoder.Status status = new FLAC_FileEncoder().encode(wav.toFile(), file.toFile());
        Files.delete(wav);
        if (status != FLAC_FileEncoder.Status.FULL_ENCODE) {
            throw new IOException("FLAC encoding of " + file + " failed: " + status);
        }
    }

    private static void put24(ByteBuffer data, float sample) {
        int v = (int) Math.round(Math.max(-1, Math.min(1, sample)) * 8_388_607);
        data.put((byte) v).put((byte) (v >> 8)).put((byte) (v >> 16));
    }

    private static byte[] wav(byte[] data, int rate, int channels, int bits) {
        int blockAlign = channels * bits / 8;
        ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + data.length)
                .put("WAVE".getBytes(StandardCharsets.US_ASCII)).put("fmt ".getBytes(StandardCharsets.US_ASCII))
                .putInt(16).putShort((short) 1).putShort((short) channels).putInt(rate).putInt(rate * blockAlign)
                .putShort((short) blockAlign).putShort((short) bits)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(data.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream(44 + data.length);
        out.writeBytes(header.array());
        out.writeBytes(data);
        return out.toByteArray();
    }

    /**
     * Places the synthetic face at {@code png} (with its landmarks file beside it) into a larger photo, scaled 1.4-3x,
     * turned up to 15 degrees and moved anywhere it fits, and writes its landmarks in photo pixels: all 68 as
     * {@code .pts}, or the five detector points as CSV.
     */
    static void photo(Path png, Path jpeg, Path landmarksFile, boolean full, Random random) throws IOException {
        BufferedImage face = ImageIO.read(png.toFile());
        String name = png.getFileName().toString();
        float[] marks = LandmarksCsv.read(png.resolveSibling(name.substring(0, name.length() - 4) + ".landmarks.csv"));
        double scale = 1.4 + 1.6 * random.nextDouble();
        double angle = Math.toRadians((random.nextDouble() * 2 - 1) * 15);
        int side = (int) Math.ceil(face.getWidth() * scale * 1.5);
        int width = side + 40 + random.nextInt(200);
        int height = side + 40 + random.nextInt(160);
        AffineTransform place = new AffineTransform();
        place.translate(20 + random.nextInt(width - side - 20) + side / 2.0, 20 + random.nextInt(height - side - 20)
                + side / 2.0);
        place.rotate(angle);
        place.scale(scale, scale);
        place.translate(-face.getWidth() / 2.0, -face.getHeight() / 2.0);
        BufferedImage photo = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = photo.createGraphics();
        g.setColor(new Color(90 + random.nextInt(80), 90 + random.nextInt(80), 90 + random.nextInt(80)));
        g.fillRect(0, 0, width, height);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(face, place, null);
        g.dispose();
        if (!ImageIO.write(photo, "jpg", jpeg.toFile())) {
            throw new IOException("no JPEG writer");
        }
        List<Point2D> points = new ArrayList<>();
        for (int i = 0; i < LandmarksCsv.POINTS; i++) {
            points.add(place.transform(new Point2D.Double(marks[2 * i] * face.getWidth(),
                    marks[2 * i + 1] * face.getHeight()), null));
        }
        StringBuilder text = new StringBuilder();
        if (full) {
            text.append("version: 1\nn_points: 68\n{\n");
            points.forEach(p -> text.append(String.format(Locale.ROOT, "%.3f %.3f%n", p.getX(), p.getY())));
            text.append("}\n");
        } else {
            for (Point2D p : List.of(mean(points, 36, 42), mean(points, 42, 48), points.get(30), points.get(48),
                    points.get(54))) {
                text.append(String.format(Locale.ROOT, "%.3f,%.3f%n", p.getX(), p.getY()));
            }
        }
        Files.writeString(landmarksFile, text, StandardCharsets.UTF_8);
    }

    private static Point2D mean(List<Point2D> points, int from, int to) {
        double x = 0;
        double y = 0;
        for (int i = from; i < to; i++) {
            x += points.get(i).getX();
            y += points.get(i).getY();
        }
        return new Point2D.Double(x / (to - from), y / (to - from));
    }
}
