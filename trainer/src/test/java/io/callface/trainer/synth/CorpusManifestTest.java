package io.callface.trainer.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusManifestTest {
    private static final CorpusSpec SPEC = new CorpusSpec(10, 2, 0.3, 5, 32, 0.1, 0.2);

    @TempDir
    Path dir;

    @BeforeEach
    void writeCorpus() throws IOException {
        new SyntheticCorpus(SPEC).write(dir, done -> { });
    }

    @Test
    void readsEveryClipAndIdentityBack() throws IOException {
        CorpusManifest corpus = CorpusManifest.read(dir);
        assertThat(corpus.clips()).hasSize(20);
        assertThat(corpus.problems()).isEmpty();
        assertThat(corpus.missingFiles()).isZero();
        assertThat(corpus.clips(Split.TRAIN)).hasSize(14);
        assertThat(corpus.clips(Split.TEST)).hasSize(4);
        CorpusClip clip = corpus.clips().get(0);
        assertThat(clip.audio()).exists();
        assertThat(clip.landmarks()).exists().hasFileName(clip.identity() + ".landmarks.csv");
        Identity identity = corpus.identity(clip.identity()).orElseThrow();
        IdentityTraits generated = new SyntheticCorpus(SPEC).identity(0);
        assertThat(identity.traits().sex()).isEqualTo(generated.sex());
        assertThat(identity.traits().vocalTractCm()).isCloseTo(generated.vocalTractCm(), org.assertj.core.data.Offset.offset(1e-4));
        assertThat(identity.traits().colours()).isEqualTo(generated.colours());
    }

    @Test
    void listsTheIdentitiesOfASplitInManifestOrder() throws IOException {
        CorpusManifest corpus = CorpusManifest.read(dir);
        List<Split> splits = new SyntheticCorpus(SPEC).splits();
        List<String> expected = IntStream.range(0, SPEC.identities()).filter(i -> splits.get(i) == Split.TRAIN)
                .mapToObj(SyntheticCorpus::identityId).toList();
        assertThat(corpus.identityIds(Split.TRAIN)).hasSize(7).containsExactlyElementsOf(expected);
    }

    @Test
    void readsACorpusWithoutIdentitiesCsvFromTheManifestAlone() throws IOException {
        Files.delete(dir.resolve(SyntheticCorpus.IDENTITIES));
        Path manifest = dir.resolve(SyntheticCorpus.MANIFEST);
        List<String> lines = new ArrayList<>(Files.readAllLines(manifest));
        lines.add("speaker-x,val,audio/id00000_0.wav,faces/id00000.png");
        lines.add(",train,audio/id00000_0.wav,faces/id00000.png");
        Files.write(manifest, lines);

        CorpusManifest corpus = CorpusManifest.read(dir);

        assertThat(corpus.identities()).isEmpty();
        assertThat(corpus.identity("id00000")).isEmpty();
        assertThat(corpus.clips()).hasSize(21);
        assertThat(corpus.clips(Split.VAL)).extracting(CorpusClip::identity).contains("speaker-x");
        assertThat(corpus.problems()).containsExactly("manifest.csv line 23: identity: must not be blank");
    }

    @Test
    void skipsBadRowsWithTheirLineNumbersAndCountsMissingFiles() throws IOException {
        Path manifest = dir.resolve("manifest.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(manifest));
        String[] third = lines.get(3).split(",");
        lines.set(3, third[0] + ",nonsense," + third[2] + "," + third[3]);
        lines.set(5, "id00002,only-two");
        lines.add("id99999,train,audio/id99999_0.wav,faces/id99999.png");
        Files.write(manifest, lines);
        Files.delete(dir.resolve(SyntheticCorpus.audioPath("id00009", 1)));

        CorpusManifest corpus = CorpusManifest.read(dir);

        assertThat(corpus.problems()).hasSize(3);
        assertThat(corpus.problems().get(0)).startsWith("manifest.csv line 4: split: 'nonsense'");
        assertThat(corpus.problems().get(1)).startsWith("manifest.csv line 6: expected 4 columns");
        assertThat(corpus.problems().get(2)).startsWith("manifest.csv line 22: identity: 'id99999'");
        assertThat(corpus.missingFiles()).isEqualTo(1);
        assertThat(corpus.clips()).hasSize(20 - 2 - 1);
    }

    @Test
    void reportsABadIdentityRowAndDropsItsClips() throws IOException {
        Path identities = dir.resolve("identities.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(identities));
        lines.set(1, lines.get(1).replace(",female,", ",robot,").replace(",male,", ",robot,"));
        Files.write(identities, lines);

        CorpusManifest corpus = CorpusManifest.read(dir);

        assertThat(corpus.problems().get(0)).startsWith("identities.csv line 2: sex: 'robot'");
        assertThat(corpus.identity("id00000")).isEmpty();
        assertThat(corpus.clips()).noneMatch(c -> c.identity().equals("id00000"));
    }

    @Test
    void failsWhenNothingUsableIsLeft() throws IOException {
        try (var files = Files.list(dir.resolve("audio"))) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        CorpusFormatException e = assertThrows(CorpusFormatException.class, () -> CorpusManifest.read(dir));
        assertThat(e.getMessage()).contains("no usable clips").contains("20 with missing files");
    }

    @Test
    void failsOnAWrongHeader() throws IOException {
        Files.writeString(dir.resolve("manifest.csv"), "who,what\n");
        CorpusFormatException e = assertThrows(CorpusFormatException.class, () -> CorpusManifest.read(dir));
        assertThat(e.getMessage()).contains("line 1").contains("identity,split,audio,face");
    }
}
