package io.callface.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.callface.audio.Spectrogram;
import io.callface.trainer.synth.CorpusClip;
import io.callface.trainer.synth.CorpusManifest;
import io.callface.trainer.synth.CorpusSpec;
import io.callface.trainer.synth.LandmarksCsv;
import io.callface.trainer.synth.Split;
import io.callface.trainer.synth.SyntheticCorpus;
import io.callface.trainer.train.WavFile;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusPreparationTest {
    @TempDir
    static Path work;
    static CorpusManifest synthetic;
    static RealCorpusFixture.Written real;

    @BeforeAll
    static void writeCorpora() throws IOException {
        Path synth = work.resolve("synth");
        new SyntheticCorpus(new CorpusSpec(6, 2, 6.5, 11, 128, 0.2, 0.2, 1)).write(synth, done -> { });
        synthetic = CorpusManifest.read(synth);
        real = RealCorpusFixture.write(synthetic, work.resolve("real"), 5);
    }

    @Test
    void validateReportsEveryRowAndWritesNothing() throws IOException {
        List<Path> before = files(real.dir());

        PreparationReport report = CorpusPreparation.validate(real.dir(), 2);

        assertThat(files(real.dir())).isEqualTo(before);
        assertThat(report.rows()).as(report.text()).hasSize(real.goodRows());
        assertThat(report.problems()).hasSize(real.badRows());
        int firstBadLine = real.goodRows() + 2;
        for (int i = 0; i < real.badRows(); i++) {
            assertThat(report.problems().get(i)).startsWith("recordings.csv line " + (firstBadLine + i) + ": ")
                    .contains(RealCorpusFixture.BAD_ROW_REASONS.get(i));
        }
        assertThat(report.rows()).allSatisfy(r -> {
            assertThat(r.segmentCount()).isPositive();
            assertThat(r.residualPixels()).isLessThan(CorpusPreparation.MAX_RESIDUAL_PIXELS);
        });
        assertThat(report.rows().stream().filter(PreparedRow::fullLandmarks).count()).isEqualTo(real.identities() - 1);
        assertThat(report.text()).contains(real.goodRows() + " usable row(s), " + real.badRows() + " skipped")
                .contains("line " + firstBadLine);
    }

    @Test
    void prepareWritesACorpusTheTrainerReadsWithAlignedFacesAndSpeechSegments() throws IOException {
        Path out = work.resolve("prepared-once");
        CorpusPreparation.prepare(real.dir(), out, 2);

        CorpusManifest prepared = CorpusManifest.read(out);

        assertThat(prepared.problems()).isEmpty();
        assertThat(prepared.missingFiles()).isZero();
        assertThat(prepared.clips().stream().map(CorpusClip::identity).distinct().count()).isEqualTo(real.identities());
        for (CorpusClip clip : prepared.clips()) {
            Split truth = synthetic.clips().stream().filter(c -> c.identity().equals(clip.identity())).findFirst()
                    .orElseThrow().split();
            assertThat(clip.split()).isEqualTo(truth);
            float[] segment = WavFile.readMono16k(clip.audio());
            assertThat(segment.length).isBetween(3 * Spectrogram.SAMPLE_RATE, 6 * Spectrogram.SAMPLE_RATE);
            // A person photographed with 5 points only is drawn without a landmark target.
            assertThat(LandmarksCsv.readIfKnown(clip.landmarks()).isPresent())
                    .isEqualTo(!clip.identity().equals(real.fivePointOnly()));
        }
        // Alignment is blind to how the photo was taken: the crop from the scaled, turned, placed JPEG is the crop
        // from the synthetic face itself.
        for (String id : prepared.identityIds(Split.TRAIN)) {
            CorpusClip clip = prepared.clips().stream().filter(c -> c.identity().equals(id)).findFirst().orElseThrow();
            Path original = synthetic.clips().stream().filter(c -> c.identity().equals(id)).findFirst().orElseThrow()
                    .face();
            if (id.equals(real.fivePointOnly())) {
                continue;
            }
            AlignedFace direct = alignDirectly(original);
            assertThat(meanAbsoluteDifference(ImageIO.read(clip.face().toFile()), direct.image()))
                    .as(id).isLessThan(0.03);
            float[] aligned = LandmarksCsv.read(clip.landmarks());
            float[] truth = direct.landmarks136().orElseThrow();
            for (int i = 0; i < aligned.length; i++) {
                assertThat(Math.abs(aligned[i] - truth[i]) * 128).as(id + " landmark coordinate " + i).isLessThan(1f);
            }
            // The 5-point photo is a further view of the identity, without 68 points.
            assertThat(prepared.renderings(id)).singleElement().satisfies(view -> assertThat(
                    LandmarksCsv.readIfKnown(view.resolveSibling(view.getFileName().toString()
                            .replace(".png", ".landmarks.csv")))).isEmpty());
        }
    }

    @Test
    void aSecondRunReusesTheCacheAndRedoesWhatChanged() throws IOException {
        Path out = work.resolve("prepared-twice");
        CorpusPreparation.prepare(real.dir(), out, 2);
        String manifest = Files.readString(out.resolve(SyntheticCorpus.MANIFEST));

        PreparationReport again = CorpusPreparation.prepare(real.dir(), out, 2);

        assertThat(again.rows()).allMatch(PreparedRow::cached);
        assertThat(Files.readString(out.resolve(SyntheticCorpus.MANIFEST))).isEqualTo(manifest);

        Path photo = real.dir().resolve("photos").resolve(synthetic.clips().get(0).identity() + ".jpg");
        Files.setLastModifiedTime(photo, FileTime.fromMillis(Files.getLastModifiedTime(photo).toMillis() + 5_000));
        PreparationReport changed = CorpusPreparation.prepare(real.dir(), out, 2);
        assertThat(changed.rows().stream().filter(r -> !r.cached()).map(r -> r.recording().face()))
                .containsExactly(photo.toAbsolutePath().normalize());
    }

    private static AlignedFace alignDirectly(Path png) throws IOException {
        BufferedImage face = ImageIO.read(png.toFile());
        float[] unit = LandmarksCsv.read(png.resolveSibling(png.getFileName().toString().replace(".png", ".landmarks.csv")));
        double[] pixels = new double[unit.length];
        for (int i = 0; i < unit.length; i++) {
            pixels[i] = unit[i] * face.getWidth();
        }
        return FaceAligner.align(face, new FaceLandmarks(pixels), CorpusPreparation.FACE_SIZE);
    }

    private static double meanAbsoluteDifference(BufferedImage a, BufferedImage b) {
        double sum = 0;
        int n = 0;
        // The face's middle: the crop's border shows the photo's background where the face image ended.
        for (int y = 16; y < 112; y++) {
            for (int x = 16; x < 112; x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    sum += Math.abs(((p >> shift) & 0xFF) - ((q >> shift) & 0xFF)) / 255.0;
                    n++;
                }
            }
        }
        return sum / n;
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.sorted().toList();
        }
    }
}
