package io.callface.trainer.cli;

import io.callface.trainer.data.CorpusPreparation;
import io.callface.trainer.data.RecordingsCsv;
import io.callface.trainer.synth.CorpusManifest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Reads a corpus for {@code train} and {@code evaluate} and tells the user on stderr what was skipped: every
 * bad row with its file and line, and how many clips lacked a file. Only a corpus with no usable clip fails
 * (see {@link CorpusManifest#read}).
 *
 * <p>A real-data corpus (a directory with {@code recordings.csv}) is first prepared into its {@code prepared/}
 * directory ({@link CorpusPreparation}: speech segments and aligned faces, cached between runs), which is then read
 * like any corpus.
 */
final class CorpusLoader {
    private CorpusLoader() {
    }

    static CorpusManifest load(Path dir, PrintWriter err) {
        CorpusManifest corpus;
        try {
            corpus = CorpusManifest.read(RecordingsCsv.isRealCorpus(dir) ? prepared(dir, err) : dir);
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

    private static Path prepared(Path dir, PrintWriter err) throws IOException {
        Path out = dir.resolve(CorpusPreparation.PREPARED_DIR);
        err.println("corpus " + dir + ": real-data corpus (" + RecordingsCsv.FILE + "), preparing " + out);
        err.flush();
        err.print(CorpusPreparation.prepare(dir, out, Runtime.getRuntime().availableProcessors()).text());
        err.flush();
        return out;
    }
}
