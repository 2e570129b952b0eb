package io.callface.trainer.cli;

import io.callface.trainer.synth.CorpusManifest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Reads a corpus for {@code train} and {@code evaluate} and tells the user on stderr what was skipped: every
 * bad row with its file and line, and how many clips lacked a file. Only a corpus with no usable clip fails
 * (see {@link CorpusManifest#read}).
 */
final class CorpusLoader {
    private CorpusLoader() {
    }

    static CorpusManifest load(Path dir, PrintWriter err) {
        CorpusManifest corpus;
        try {
            corpus = CorpusManifest.read(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read corpus " + dir + ": " + e.getMessage(), e);
        }
        if (!corpus.problems().isEmpty()) {
            err.println("corpus " + corpus.dir() + ": skipped " + corpus.problems().size() + " bad row(s):");
            corpus.problems().forEach(problem -> err.println("  " + problem));
        }
        if (corpus.missingFiles() > 0) {
            err.println("corpus " + corpus.dir() + ": skipped " + corpus.missingFiles()
                    + " clip(s) whose audio, face or landmarks file is missing");
        }
        err.flush();
        return corpus;
    }
}
