package io.callface.trainer.listen;

import io.callface.model.Sha256;
import io.callface.trainer.synth.CorpusClip;
import io.callface.trainer.synth.CorpusManifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps {@code listen} honest: speech the check hears must not be speech the model was trained on. A manifest file
 * that is one of the corpus's clips, by path or by content (a copy), is refused.
 */
final class HeldOutGuard {
    private HeldOutGuard() {
    }

    /** Throws {@link IllegalArgumentException} naming every file of {@code files} that is also a clip of {@code corpus}. */
    static void requireUnseen(List<SpeechFile> files, CorpusManifest corpus) {
        Set<Path> corpusPaths = new HashSet<>();
        Map<Long, List<Path>> corpusBySize = new HashMap<>();
        for (CorpusClip clip : corpus.clips()) {
            Path audio = real(clip.audio());
            corpusPaths.add(audio);
            corpusBySize.computeIfAbsent(size(audio), s -> new ArrayList<>()).add(audio);
        }
        Map<Path, String> digests = new HashMap<>();
        List<Path> seen = files.stream().map(SpeechFile::audio).map(HeldOutGuard::real).filter(file -> {
            if (corpusPaths.contains(file)) {
                return true;
            }
            // Only a file of a clip's exact size can be its copy; hash just those.
            List<Path> sameSize = corpusBySize.getOrDefault(size(file), List.of());
            String digest = sameSize.isEmpty() ? "" : Sha256.hex(file);
            return sameSize.stream().anyMatch(clip -> digests.computeIfAbsent(clip, Sha256::hex).equals(digest));
        }).toList();
        if (!seen.isEmpty()) {
            throw new IllegalArgumentException(seen.size() + " file(s) of the speech manifest are clips of the training "
                    + "corpus " + corpus.dir() + ", so the check would not hear held-out speech: " + seen);
        }
    }

    private static Path real(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve " + file + ": " + e.getMessage(), e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size of " + file + ": " + e.getMessage(), e);
        }
    }
}
