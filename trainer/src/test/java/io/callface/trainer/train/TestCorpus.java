package io.callface.trainer.train;

import io.callface.trainer.synth.LandmarksCsv;
import io.callface.trainer.synth.SyntheticCorpus;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Writes a small corpus in the trainer's format for tests (manifest, WAVs, PNGs, landmarks; no {@code identities.csv}): each identity has a voice with its own pitch and
 * a 64x64 face whose colours and proportions depend on the same hidden traits, so voice and face are related.
 */
public final class TestCorpus {
    private static final int RATE = 16_000;

    private TestCorpus() {
    }

    /**
     * @param testIdentities the last this-many identities go to the test split, the rest to train
     */
    public static Path write(Path dir, int identities, int clipsPerIdentity, int testIdentities, long seed) {
        Random random = new Random(seed);
        List<String> rows = new ArrayList<>(List.of(SyntheticCorpus.MANIFEST_HEADER));
        try {
            Files.createDirectories(dir.resolve("audio"));
            Files.createDirectories(dir.resolve("faces"));
            for (int i = 0; i < identities; i++) {
                String id = String.format(Locale.ROOT, "id%03d", i);
                double trait = random.nextDouble();
                String split = i >= identities - testIdentities ? "test" : "train";
                writeFace(dir.resolve("faces/" + id + ".png"), dir.resolve("faces/" + id + ".landmarks.csv"), trait);
                for (int k = 0; k < clipsPerIdentity; k++) {
                    String audio = "audio/" + id + "_" + k + ".wav";
                    writeWav(dir.resolve(audio), voice(trait, 6.2, random));
                    rows.add(id + "," + split + "," + audio + ",faces/" + id + ".png");
                }
            }
            Files.write(dir.resolve(SyntheticCorpus.MANIFEST), rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /**
     * Adds {@code perIdentity} renderings of every identity's face in the corpus at {@code dir} and lists them in
     * {@code renderings.csv}: copies of the canonical face turned by up to 8 degrees, shifted by up to 4 % and lit
     * unevenly from one side (a stand-in for pose and lighting variation that depends on nothing in synth but
     * the corpus format), each with its transformed landmarks beside it.
     */
    public static void writeRenderings(Path dir, int perIdentity, long seed) {
        Random random = new Random(seed);
        Map<String, String> faces = new LinkedHashMap<>();
        List<String> rows = new ArrayList<>(List.of(SyntheticCorpus.RENDERINGS_HEADER));
        try {
            List<String> manifest = Files.readAllLines(dir.resolve(SyntheticCorpus.MANIFEST));
            for (String line : manifest.subList(1, manifest.size())) {
                String[] fields = line.split(",");
                faces.putIfAbsent(fields[0], fields[3]);
            }
            for (Map.Entry<String, String> face : faces.entrySet()) {
                Path png = dir.resolve(face.getValue());
                BufferedImage canonical = ImageIO.read(png.toFile());
                float[] landmarks = LandmarksCsv.read(landmarksOf(png));
                for (int k = 0; k < perIdentity; k++) {
                    String name = face.getValue().replace(".png", "_r" + k + ".png");
                    Path out = dir.resolve(name);
                    writeRendering(canonical, landmarks, out, landmarksOf(out), random);
                    rows.add(face.getKey() + "," + name);
                }
            }
            Files.write(dir.resolve(SyntheticCorpus.RENDERINGS), rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path landmarksOf(Path png) {
        return png.resolveSibling(png.getFileName().toString().replace(".png", SyntheticCorpus.LANDMARKS_SUFFIX));
    }

    private static void writeRendering(BufferedImage canonical, float[] landmarks, Path png, Path landmarksFile,
            Random random) throws IOException {
        int size = canonical.getWidth();
        double angle = Math.toRadians((random.nextDouble() * 2 - 1) * 8);
        double dx = (random.nextDouble() * 2 - 1) * 0.04 * size;
        double dy = (random.nextDouble() * 2 - 1) * 0.04 * size;
        AffineTransform pose = AffineTransform.getTranslateInstance(dx, dy);
        pose.rotate(angle, size / 2.0, size / 2.0);
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(canonical.getRGB(0, 0)));
        g.fillRect(0, 0, size, size);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(canonical, pose, null);
        g.dispose();
        double side = random.nextBoolean() ? 1 : -1;
        double strength = 0.15 + 0.2 * random.nextDouble();
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double gain = 1 + side * strength * (2.0 * x / (size - 1) - 1);
                int p = image.getRGB(x, y);
                image.setRGB(x, y, (lit(p >> 16, gain) << 16) | (lit(p >> 8, gain) << 8) | lit(p, gain));
            }
        }
        ImageIO.write(image, "png", png.toFile());
        float[] moved = new float[landmarks.length];
        double[] point = new double[2];
        for (int i = 0; i < landmarks.length; i += 2) {
            pose.transform(new double[] {landmarks[i] * size, landmarks[i + 1] * size}, 0, point, 0, 1);
            moved[i] = (float) Math.min(1, Math.max(0, point[0] / size));
            moved[i + 1] = (float) Math.min(1, Math.max(0, point[1] / size));
        }
        LandmarksCsv.write(landmarksFile, moved);
    }

    private static int lit(int channel, double gain) {
        return (int) Math.min(255, Math.max(0, Math.round((channel & 0xff) * gain)));
    }

    private static short[] voice(double trait, double seconds, Random random) {
        int n = (int) (seconds * RATE);
        double f0 = 90 + 160 * trait + random.nextGaussian() * 3;
        short[] pcm = new short[n];
        double phase = 0;
        for (int i = 0; i < n; i++) {
            double t = (double) i / RATE;
            phase += 2 * Math.PI * f0 * (1 + 0.03 * Math.sin(2 * Math.PI * 0.7 * t)) / RATE;
            double syllables = 0.55 + 0.45 * Math.sin(2 * Math.PI * 3.5 * t);
            double v = 0;
            for (int h = 1; h <= 6; h++) {
                v += Math.sin(h * phase) / h;
            }
            v = 0.25 * syllables * v + 0.01 * random.nextGaussian();
            pcm[i] = (short) Math.max(-32768, Math.min(32767, Math.round(v * 32767)));
        }
        return pcm;
    }

    private static void writeWav(Path file, short[] pcm) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(44 + 2 * pcm.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + 2 * pcm.length).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(RATE).putInt(2 * RATE)
                .putShort((short) 2).putShort((short) 16);
        b.put("data".getBytes()).putInt(2 * pcm.length);
        for (short s : pcm) {
            b.putShort(s);
        }
        Files.write(file, b.array());
    }

    private static void writeFace(Path png, Path landmarks, double trait) throws IOException {
        int size = 64;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(40, 60, (int) (90 + 100 * trait)));
        g.fillRect(0, 0, size, size);
        double halfWidth = 14 + 10 * trait;
        double halfHeight = 24 - 4 * trait;
        g.setColor(new Color((int) (230 - 90 * trait), (int) (190 - 70 * trait), (int) (160 - 60 * trait)));
        g.fillOval((int) (32 - halfWidth), (int) (32 - halfHeight), (int) (2 * halfWidth), (int) (2 * halfHeight));
        g.dispose();
        ImageIO.write(image, "png", png.toFile());
        List<String> lines = new ArrayList<>();
        for (int p = 0; p < 68; p++) {
            double angle = 2 * Math.PI * p / 68;
            double x = (32 + halfWidth * Math.cos(angle)) / size;
            double y = (32 + halfHeight * Math.sin(angle)) / size;
            lines.add(String.format(Locale.ROOT, "%.5f,%.5f", x, y));
        }
        Files.write(landmarks, lines);
    }
}
