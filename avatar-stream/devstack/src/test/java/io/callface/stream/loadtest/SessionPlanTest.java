package io.callface.stream.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callface.stream.synth.Codec;
import io.callface.stream.synth.VoiceLoops;
import io.callface.stream.window.SpeakerId;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionPlanTest {
    private static final SpeakerId ANN = new SpeakerId("call", "ann");

    @Test
    void twoWindowsAndARemainderExpectPreviewTwoFullWindowsAndTheEndRepeat() {
        // 200 + 250 + 220 = 670 voiced chunks: two full windows, a 70-chunk remainder.
        SessionPlan plan = new SessionPlan(ANN, Codec.OPUS_48K, 3, 40, List.of(200, 30, 250, 45, 220));

        assertThat(plan.chunkCount()).isEqualTo(745);
        assertThat(plan.voicedChunks()).isEqualTo(670);
        assertThat(plan.fullWindows()).isEqualTo(2);
        assertThat(plan.endMs()).isEqualTo(40 + 745 * 20);
        assertThat(plan.expectedWindows()).containsExactlyInAnyOrder(
                new WindowKey("call/ann", 0, true, false),
                new WindowKey("call/ann", 0, false, false),
                new WindowKey("call/ann", 1, false, false),
                new WindowKey("call/ann", 1, false, true));
    }

    @Test
    void talkAndPauseAlternate() {
        SessionPlan plan = new SessionPlan(ANN, Codec.PCM16_16K, 0, 0, List.of(300, 10, 60));

        assertThat(plan.isVoiced(0)).isTrue();
        assertThat(plan.isVoiced(299)).isTrue();
        assertThat(plan.isVoiced(300)).isFalse();
        assertThat(plan.isVoiced(309)).isFalse();
        assertThat(plan.isVoiced(310)).isTrue();
        assertThat(plan.isVoiced(369)).isTrue();
        assertThatThrownBy(() -> plan.isVoiced(370)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void scriptsNearAWindowBoundaryAreRefused() {
        assertThatThrownBy(() -> new SessionPlan(ANN, Codec.PCM16_16K, 0, 0, List.of(320)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("320 voiced chunks");
        assertThatThrownBy(() -> new SessionPlan(ANN, Codec.PCM16_16K, 0, 0, List.of(200, 10, 210)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("410 voiced chunks");
        assertThatThrownBy(() -> new SessionPlan(ANN, Codec.PCM16_16K, 0, 0, List.of(100, 10, 260)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("first talk spurt");
        assertThatThrownBy(() -> new SessionPlan(ANN, Codec.PCM16_16K, 0, 0, List.of(360, 10)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("starting and ending with talk");
        assertThatThrownBy(() -> new SessionPlan(ANN, Codec.PCM16_16K, 0, 30, List.of(360)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("startMs");
        assertThatThrownBy(() -> new SessionPlan(ANN, Codec.PCM16_16K, VoiceLoops.VOICES, 0, List.of(360)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("voice");
    }
}
