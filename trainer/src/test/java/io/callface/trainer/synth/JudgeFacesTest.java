package io.callface.trainer.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JudgeFacesTest {
    @TempDir
    Path corpus;

    @BeforeEach
    void writeAJudgeSet() throws IOException {
        new SyntheticCorpus(new CorpusSpec(3, 1, 0.2, 8, 32, 0, 0, 1, 2)).write(corpus, done -> { });
    }

    @Test
    void readsEveryImageWithItsPersonsTraits() throws IOException {
        SyntheticCorpus generator = new SyntheticCorpus(new CorpusSpec(3, 1, 0.2, 8, 32, 0, 0, 1, 2));

        List<JudgeFaces.JudgeFace> faces = JudgeFaces.read(corpus).orElseThrow().faces();

        assertThat(faces).extracting(face -> face.image().getFileName().toString())
                .containsExactly("judge00000.png", "judge00000_r0.png", "judge00001.png", "judge00001_r0.png");
        String first = IdentitiesCsv.format("x", Split.TRAIN, generator.judgeIdentity(0));
        String second = IdentitiesCsv.format("x", Split.TRAIN, generator.judgeIdentity(1));
        assertThat(faces).extracting(face -> IdentitiesCsv.format("x", Split.TRAIN, face.traits()))
                .containsExactly(first, first, second, second);
    }

    @Test
    void aBadRowIsACorpusErrorNamingFileAndLine() throws IOException {
        Path list = corpus.resolve("judge/faces.csv");
        Files.writeString(list, "identity,image\njudge00000,judge00000.png\nnobody,judge00000.png\n");
        assertThatThrownBy(() -> JudgeFaces.read(corpus)).isInstanceOf(CorpusFormatException.class)
                .hasMessageContaining("faces.csv line 3").hasMessageContaining("'nobody' is not in identities.csv");

        Files.writeString(list, "identity,image\njudge00000,../faces/id00000.png\n");
        assertThatThrownBy(() -> JudgeFaces.read(corpus)).isInstanceOf(CorpusFormatException.class)
                .hasMessageContaining("line 2").hasMessageContaining("is not a file inside");

        Files.writeString(list, "identity,image\njudge00000\n");
        assertThatThrownBy(() -> JudgeFaces.read(corpus)).isInstanceOf(CorpusFormatException.class)
                .hasMessageContaining("expected 2 columns");
    }

    @Test
    void aCorpusWithoutJudgeSetHasNone() throws IOException {
        Files.delete(corpus.resolve("judge/faces.csv"));

        assertThat(JudgeFaces.read(corpus)).isEmpty();
    }
}
