package io.callface.trainer.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.callface.trainer.synth.CorpusClip;
import io.callface.trainer.synth.Split;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ConditionEvaluatorTest {
    @Test
    void aClipHasTheSameChannelDrawsWhereverItsCorpusIsStored() {
        CorpusClip here = clip("id00017", Path.of("/work/bench9/corpus/audio/id00017_2.wav"));
        CorpusClip copied = clip("id00017", Path.of("/tmp/elsewhere/corpus/audio/id00017_2.wav"));

        assertThat(ConditionEvaluator.channelSeed(copied)).isEqualTo(ConditionEvaluator.channelSeed(here));
    }

    @Test
    void otherClipsHaveOtherDraws() {
        long seed = ConditionEvaluator.channelSeed(clip("id00017", Path.of("/c/audio/id00017_2.wav")));

        assertThat(ConditionEvaluator.channelSeed(clip("id00017", Path.of("/c/audio/id00017_3.wav"))))
                .isNotEqualTo(seed);
        assertThat(ConditionEvaluator.channelSeed(clip("id00018", Path.of("/c/audio/id00017_2.wav"))))
                .isNotEqualTo(seed);
        // Prepared real corpora name segments 000.wav, 001.wav ... in a folder per recording.
        assertThat(ConditionEvaluator.channelSeed(clip("id00017", Path.of("/c/segments/rec-b/000.wav"))))
                .isNotEqualTo(ConditionEvaluator.channelSeed(clip("id00017", Path.of("/c/segments/rec-a/000.wav"))));
    }

    private static CorpusClip clip(String identity, Path audio) {
        return new CorpusClip(identity, Split.TEST, audio, audio.resolveSibling("face.png"),
                audio.resolveSibling("face.landmarks.csv"));
    }
}
