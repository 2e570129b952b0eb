package io.callface.stream.dev;

import io.callface.stream.demo.DemoModel;
import java.io.PrintStream;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --models DIR} and {@code --cache-dir DIR}: which model a command that starts the demo's stack serves, by
 * default the demo model shipped in this jar, copied into the cache directory ({@link DemoModel}).
 */
final class DemoModelOption {
    @Option(names = "--models", paramLabel = "DIR", description = "Model directory to serve (default: the demo model shipped in this jar).")
    private Path modelDir;

    @Option(names = "--cache-dir", paramLabel = "DIR", description = "Where the shipped demo model is copied for serving (default: ~/.cache/callface).")
    private Path cacheDir;

    /** The model directory to serve: {@code --models}, or the demo model's intact copy (made first when missing). */
    Path modelDir(PrintStream log) {
        return modelDir != null ? modelDir : DemoModel.ensure(
                cacheDir != null ? cacheDir : Path.of(System.getProperty("user.home"), ".cache", "callface"), log);
    }
}
