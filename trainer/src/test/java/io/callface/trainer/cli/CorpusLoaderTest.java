package io.callface.trainer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.callface.trainer.synth.CorpusFormatException;
import io.callface.trainer.synth.CorpusManifest;
import io.callface.trainer.synth.CorpusSpec;
import io.callface.trainer.synth.SyntheticCorpus;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusLoaderTest {
    private static final CorpusSpec SPEC = new CorpusSpec(6, 2, 0.3, 9, 32, 0.0, 0.34);

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    @BeforeEach
    void writeCorpus() throws IOException {
        new SyntheticCorpus(SPEC).write(dir, done -> { });
    }

    @Test
    void aCleanCorpusPrintsNothing() {
        CorpusManifest corpus = CorpusLoader.load(dir, new PrintWriter(err));
        assertThat(corpus.clips()).hasSize(12);
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void printsEveryBadRowWithTheCountAndTheMissingFiles() throws IOException {
        Path manifest = dir.resolve(SyntheticCorpus.MANIFEST);
        List<String> lines = new ArrayList<>(Files.readAllLines(manifest));
        lines.set(2, "id00000,holdout,audio/id00000_1.wav,faces/id00000.png");
        lines.add("id00001,train");
        Files.write(manifest, lines);
        Files.delete(dir.resolve("audio/id00005_0.wav"));

        CorpusManifest corpus = CorpusLoader.load(dir, new PrintWriter(err));

        assertThat(corpus.clips()).hasSize(12 - 1 - 1);
        assertThat(err.toString().lines().toList()).containsExactly(
                "corpus " + corpus.dir() + ": skipped 2 bad row(s):",
                "  manifest.csv line 3: split: 'holdout' is not one of train, val, test, voice",
                "  manifest.csv line 14: expected 4 columns (identity,split,audio,face), found 2",
                "corpus " + corpus.dir() + ": skipped 1 clip(s) whose audio, face or landmarks file is missing");
    }

    @Test
    void failsOnlyWhenNothingUsableIsLeft() throws IOException {
        Files.write(dir.resolve(SyntheticCorpus.MANIFEST), List.of(SyntheticCorpus.MANIFEST_HEADER, "x,train,a,b"));
        CorpusFormatException e = assertThrows(CorpusFormatException.class,
                () -> CorpusLoader.load(dir, new PrintWriter(err)));
        assertThat(e.getMessage()).contains("no usable clips (1 bad rows, 0 with missing files)");
    }
}
