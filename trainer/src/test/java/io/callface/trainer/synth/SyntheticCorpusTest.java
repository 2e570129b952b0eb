package io.callface.trainer.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticCorpusTest {
    private static final CorpusSpec SMALL = new CorpusSpec(20, 2, 1.0, 42, 64, 0.1, 0.2);

    @TempDir
    Path temp;

    @Test
    void sameSeedWritesTheSameBytesAndAnotherSeedDoesNot() throws IOException {
        Path a = temp.resolve("a");
        Path b = temp.resolve("b");
        Path c = temp.resolve("c");
        new SyntheticCorpus(SMALL).write(a, done -> { });
        new SyntheticCorpus(SMALL).write(b, done -> { });
        new SyntheticCorpus(new CorpusSpec(20, 2, 1.0, 43, 64, 0.1, 0.2)).write(c, done -> { });
        List<Path> files = relativeFiles(a);
        // manifest, identities, renderings, README; clips; (canonical + 4 renderings) x (png + landmarks)
        assertThat(files).hasSize(4 + 20 * 2 + 20 * 5 * 2);
        assertThat(relativeFiles(b)).isEqualTo(files);
        for (Path file : files) {
            assertThat(Files.readAllBytes(b.resolve(file))).as(file.toString()).isEqualTo(Files.readAllBytes(a.resolve(file)));
        }
        assertThat(Files.readAllBytes(c.resolve("audio/id00000_0.wav")))
                .isNotEqualTo(Files.readAllBytes(a.resolve("audio/id00000_0.wav")));
        assertThat(Files.readAllBytes(c.resolve("identities.csv")))
                .isNotEqualTo(Files.readAllBytes(a.resolve("identities.csv")));
    }

    @Test
    void voiceOnlySpeakersFollowTheIdentitiesWithOneClipAFaceAndNoRenderingsAndChangeNothingElse() throws IOException {
        Path without = temp.resolve("without");
        Path with = temp.resolve("with");
        CorpusSpec spec = new CorpusSpec(6, 2, 0.3, 5, 32, 0, 0.34, 1, 0);
        new SyntheticCorpus(spec).write(without, done -> { });
        AtomicInteger progress = new AtomicInteger();
        new SyntheticCorpus(spec.withVoiceSpeakers(3)).write(with, done -> progress.accumulateAndGet(done, Math::max));

        assertThat(progress.get()).isEqualTo(6 + 3);
        List<String> manifest = Files.readAllLines(with.resolve(SyntheticCorpus.MANIFEST));
        assertThat(manifest.subList(0, 1 + 6 * 2)).isEqualTo(Files.readAllLines(without.resolve(SyntheticCorpus.MANIFEST)));
        assertThat(manifest.subList(1 + 6 * 2, manifest.size())).containsExactly(
                "voice00000,voice,audio/voice00000_0.wav,faces/voice00000.png",
                "voice00001,voice,audio/voice00001_0.wav,faces/voice00001.png",
                "voice00002,voice,audio/voice00002_0.wav,faces/voice00002.png");
        for (Path file : relativeFiles(without)) {
            if (!file.toString().equals("README.md")) {
                assertThat(Files.readAllBytes(with.resolve(file))).as(file.toString())
                        .startsWith(Files.readAllBytes(without.resolve(file)));
            }
        }
        assertThat(with.resolve("faces/voice00002.landmarks.csv")).exists();
        assertThat(with.resolve("faces/voice00002_r0.png")).doesNotExist();
        assertThat(Files.readString(with.resolve(SyntheticCorpus.RENDERINGS))).doesNotContain("voice");

        CorpusManifest read = CorpusManifest.read(with);
        assertThat(read.problems()).isEmpty();
        assertThat(read.identityIds(Split.VOICE)).containsExactly("voice00000", "voice00001", "voice00002");
        assertThat(read.identity("voice00001").orElseThrow().split()).isEqualTo(Split.VOICE);
        assertThat(read.identityIds(Split.TRAIN)).isEqualTo(CorpusManifest.read(without).identityIds(Split.TRAIN));
    }

    @Test
    void splitsAreSpeakerDisjointWithTheRequestedSizes() throws IOException {
        CorpusSpec spec = new CorpusSpec(50, 3, 0.5, 7, 32, 0.1, 0.2);
        new SyntheticCorpus(spec).write(temp, done -> { });
        List<String> rows = Files.readAllLines(temp.resolve("manifest.csv"));
        assertThat(rows.get(0)).isEqualTo("identity,split,audio,face");
        assertThat(rows).hasSize(1 + 50 * 3);
        Map<String, Set<String>> splitsOfIdentity = new HashMap<>();
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            splitsOfIdentity.computeIfAbsent(f[0], k -> new HashSet<>()).add(f[1]);
        }
        assertThat(splitsOfIdentity).hasSize(50);
        assertThat(splitsOfIdentity.values()).allSatisfy(s -> assertThat(s).hasSize(1));
        Map<String, Long> counts = new HashMap<>();
        splitsOfIdentity.values().forEach(s -> counts.merge(s.iterator().next(), 1L, Long::sum));
        assertThat(counts).containsEntry("test", 10L).containsEntry("val", 5L).containsEntry("train", 35L);
    }

    @Test
    void writesPlayableWavsPngsLandmarksAndReadme() throws IOException {
        AtomicInteger progress = new AtomicInteger();
        new SyntheticCorpus(SMALL).write(temp, done -> progress.accumulateAndGet(done, Math::max));
        assertThat(progress.get()).isEqualTo(20);
        ByteBuffer wav = ByteBuffer.wrap(Files.readAllBytes(temp.resolve("audio/id00003_1.wav"))).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(new String(wav.array(), 0, 4)).isEqualTo("RIFF");
        assertThat(wav.getShort(20)).isEqualTo((short) 1);
        assertThat(wav.getShort(22)).isEqualTo((short) 1);
        assertThat(wav.getInt(24)).isEqualTo(16_000);
        assertThat(wav.getShort(34)).isEqualTo((short) 16);
        assertThat(wav.getInt(40)).isEqualTo(2 * 16_000);
        var image = javax.imageio.ImageIO.read(temp.resolve("faces/id00003.png").toFile());
        assertThat(image.getWidth()).isEqualTo(64);
        float[] landmarks = LandmarksCsv.read(temp.resolve("faces/id00003.landmarks.csv"));
        assertThat(landmarks).containsExactly(new FaceRenderer(64).render(new SyntheticCorpus(SMALL).identity(3)).landmarks136(),
                org.assertj.core.data.Offset.offset(1e-6f));
        String readme = Files.readString(temp.resolve("README.md"));
        assertThat(readme).contains("synthetic").contains("seed: 42").contains("identities: 20")
                .contains("renderings.csv").contains("Panhard").contains("Farkas").contains("cannot")
                .contains("io.callface.audio.synth");
    }

    @Test
    void writesRenderingsListedInRenderingsCsvWithTheirLandmarks() throws IOException {
        SyntheticCorpus corpus = new SyntheticCorpus(SMALL);
        corpus.write(temp, done -> { });
        assertThat(Files.readAllLines(temp.resolve("renderings.csv")).get(0)).isEqualTo("identity,image");
        CorpusManifest manifest = CorpusManifest.read(temp);
        assertThat(manifest.problems()).isEmpty();
        List<Path> images = manifest.renderings("id00005");
        assertThat(images).hasSize(CorpusSpec.DEFAULT_RENDERINGS);
        assertThat(images.get(2)).isEqualTo(temp.toAbsolutePath().normalize().resolve("faces/id00005_r2.png"));
        FaceRenderer renderer = new FaceRenderer(64);
        for (int k = 0; k < images.size(); k++) {
            Path landmarks = images.get(k).resolveSibling("id00005_r" + k + ".landmarks.csv");
            float[] expected = renderer.render(corpus.identity(5), corpus.variation(5, k)).landmarks136();
            assertThat(LandmarksCsv.read(landmarks)).containsExactly(expected, org.assertj.core.data.Offset.offset(1e-6f));
        }
        // Renderings differ from each other and from the canonical face.
        assertThat(Files.readAllBytes(images.get(0))).isNotEqualTo(Files.readAllBytes(images.get(1)));
        assertThat(Files.readAllBytes(images.get(0))).isNotEqualTo(Files.readAllBytes(temp.resolve("faces/id00005.png")));
    }

    @Test
    void zeroRenderingsWritesNoRenderingsFile() throws IOException {
        new SyntheticCorpus(SMALL.withRenderings(0)).write(temp, done -> { });
        assertThat(temp.resolve("renderings.csv")).doesNotExist();
        assertThat(temp.resolve("faces/id00000_r0.png")).doesNotExist();
        assertThat(CorpusManifest.read(temp).renderings("id00000")).isEmpty();
    }

    @Test
    void judgesAreFurtherPeopleOfTheSamePopulationAndLeaveTheCorpusAsItWas() throws IOException {
        Path with = temp.resolve("with");
        Path without = temp.resolve("without");
        SyntheticCorpus judged = new SyntheticCorpus(SMALL.withJudgeIdentities(6));
        judged.write(with, done -> { });
        new SyntheticCorpus(SMALL).write(without, done -> { });

        for (Path file : relativeFiles(without)) {
            if (!file.toString().equals("README.md")) {
                assertThat(Files.readAllBytes(with.resolve(file))).as(file.toString())
                        .isEqualTo(Files.readAllBytes(without.resolve(file)));
            }
        }
        List<JudgeFaces.JudgeFace> faces = JudgeFaces.read(with).orElseThrow().faces();
        assertThat(faces).hasSize(6 * (1 + SMALL.renderings()));
        assertThat(asCsv(faces.get(0).traits())).isEqualTo(asCsv(judged.judgeIdentity(0)));
        assertThat(asCsv(faces.get(faces.size() - 1).traits())).isEqualTo(asCsv(judged.judgeIdentity(5)));
        assertThat(faces).allMatch(face -> Files.isRegularFile(face.image())
                && face.image().startsWith(with.resolve("judge")));
        Set<IdentityTraits> corpusPeople = new HashSet<>(CorpusManifest.read(with).identities().values().stream()
                .map(Identity::traits).toList());
        assertThat(faces).noneMatch(face -> corpusPeople.contains(face.traits()));
        assertThat(Files.readString(with.resolve("README.md"))).contains("`judge/`: 6 further people");
        assertThat(JudgeFaces.read(without)).isEmpty();
    }

    /** Traits as identities.csv states them (rounded), so read and drawn traits compare. */
    private static String asCsv(IdentityTraits traits) {
        return IdentitiesCsv.format("x", Split.TRAIN, traits);
    }

    @Test
    void aCorpusRewrittenWithoutJudgesKeepsNoJudgeSetFromBefore() throws IOException {
        new SyntheticCorpus(SMALL.withJudgeIdentities(2)).write(temp, done -> { });
        new SyntheticCorpus(SMALL.withRenderings(0)).write(temp, done -> { });

        assertThat(JudgeFaces.read(temp)).isEmpty();
    }

    @Test
    void variationsDependOnlyOnSeedIdentityAndIndex() {
        SyntheticCorpus corpus = new SyntheticCorpus(SMALL);
        SyntheticCorpus bigger = new SyntheticCorpus(SMALL.withIdentities(500));
        assertThat(bigger.variation(7, 3)).isEqualTo(corpus.variation(7, 3));
        assertThat(corpus.variation(7, 3)).isNotEqualTo(corpus.variation(7, 2)).isNotEqualTo(corpus.variation(8, 3));
        assertThat(bigger.identity(7)).isEqualTo(corpus.identity(7));
    }

    @Test
    void rejectsInvalidSpecs() {
        assertThrows(IllegalArgumentException.class, () -> SMALL.withRenderings(-1));
        assertThrows(IllegalArgumentException.class, () -> SMALL.withJudgeIdentities(-1));
        assertThrows(IllegalArgumentException.class, () -> new CorpusSpec(0, 4, 6.5, 42, 64, 0.1, 0.2));
        assertThrows(IllegalArgumentException.class, () -> new CorpusSpec(10, 4, 6.5, 42, 64, 0.5, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new CorpusSpec(10, 4, -1, 42, 64, 0.1, 0.2));
        assertThrows(IllegalArgumentException.class, () -> new CorpusSpec(10, 4, 6.5, 42, 7, 0.1, 0.2));
    }

    @Test
    void theDefaultCorpusHoldsOutAGalleryOfAtLeast200Identities() {
        List<Split> splits = new SyntheticCorpus(CorpusSpec.defaults()).splits();
        assertThat(splits.stream().filter(s -> s == Split.TEST).count()).isGreaterThanOrEqualTo(200);
        assertThat(splits.stream().filter(s -> s == Split.TRAIN).count()).isGreaterThanOrEqualTo(600);
    }

    private static List<Path> relativeFiles(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> files = new ArrayList<>(walk.filter(Files::isRegularFile).map(dir::relativize).toList());
            files.sort(null);
            return files;
        }
    }
}
