package io.callface.trainer.listen;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callface.trainer.synth.CorpusClip;
import io.callface.trainer.synth.CorpusManifest;
import io.callface.trainer.synth.Sex;
import io.callface.trainer.train.TestCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeldOutGuardTest {
    @TempDir
    Path tmp;

    @Test
    void aCorpusClipByPathOrAsACopyIsRefusedAndOtherSpeechPasses() throws IOException {
        CorpusManifest corpus = CorpusManifest.read(TestCorpus.write(tmp.resolve("corpus"), 3, 1, 1, 2));
        CorpusClip clip = corpus.clips().get(0);
        Path copy = Files.copy(clip.audio(), tmp.resolve("innocent-name.wav"));
        Path other = tmp.resolve("other.wav");
        byte[] changed = Files.readAllBytes(clip.audio());
        changed[changed.length - 1] ^= 1;
        Files.write(other, changed);

        assertThatThrownBy(() -> HeldOutGuard.requireUnseen(List.of(file(clip.audio())), corpus))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clips of the training corpus");
        assertThatThrownBy(() -> HeldOutGuard.requireUnseen(List.of(file(other), file(copy)), corpus))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 file(s)")
                .hasMessageContaining("innocent-name.wav");
        assertThatCode(() -> HeldOutGuard.requireUnseen(List.of(file(other)), corpus)).doesNotThrowAnyException();
    }

    private static SpeechFile file(Path audio) {
        return new SpeechFile(audio, Sex.MALE, OptionalDouble.empty());
    }
}
