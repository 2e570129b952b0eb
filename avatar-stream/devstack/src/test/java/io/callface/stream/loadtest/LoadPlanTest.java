package io.callface.stream.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callface.stream.synth.Codec;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LoadPlanTest {
    private static final Duration MINUTE = Duration.ofSeconds(60);

    @Test
    void seatsCycleThroughParticipantsWithoutOverlapUntilTheDurationPasses() {
        LoadPlan plan = LoadPlan.generate("run", 10, MINUTE, List.of(Codec.MULAW_8K, Codec.OPUS_48K), 42);

        Map<String, List<SessionPlan>> bySeat = plan.sessions().stream()
                .collect(Collectors.groupingBy(s -> s.speaker().participantId().split("-")[0]));
        assertThat(bySeat).hasSize(10);
        bySeat.values().forEach(seat -> {
            List<SessionPlan> ordered = seat.stream().sorted(Comparator.comparingLong(SessionPlan::startMs)).toList();
            for (int i = 1; i < ordered.size(); i++) {
                long gap = ordered.get(i).startMs() - ordered.get(i - 1).endMs();
                assertThat(gap).isBetween(500L, 2_000L);
            }
            assertThat(ordered.get(ordered.size() - 1).startMs()).isLessThan(MINUTE.toMillis());
            // No one joins once the duration has passed, and a seat is never left empty for longer than a gap before it.
            assertThat(ordered.get(ordered.size() - 1).endMs() + 2_000).isGreaterThanOrEqualTo(MINUTE.toMillis());
            assertThat(ordered.stream().map(SessionPlan::codec).distinct()).hasSize(1);
        });
        assertThat(plan.sessions()).extracting(s -> s.speaker().callId()).allMatch(call -> call.startsWith("run-call-"));
        assertThat(plan.sessions().stream().map(s -> s.speaker().callId()).distinct()).hasSize(3);
        assertThat(plan.sessions().stream().map(s -> s.speaker().key()).distinct()).hasSize(plan.sessions().size());
        assertThat(plan.sessions()).isSortedAccordingTo(Comparator.comparingLong(SessionPlan::startMs));
        assertThat(plan.expectedWindows()).hasSize(plan.sessions().stream().mapToInt(s -> s.fullWindows() + 2).sum());
        assertThat(plan.endMs()).isEqualTo(plan.sessions().stream().mapToLong(SessionPlan::endMs).max().orElseThrow());
    }

    @Test
    void aSeedGivesTheSamePlan() {
        assertThat(LoadPlan.generate("a", 7, MINUTE, Codec.DEFAULT_MIX, 1))
                .isEqualTo(LoadPlan.generate("a", 7, MINUTE, Codec.DEFAULT_MIX, 1))
                .isNotEqualTo(LoadPlan.generate("a", 7, MINUTE, Codec.DEFAULT_MIX, 2));
    }

    @Test
    void badArgumentsAreNamed() {
        assertThatThrownBy(() -> LoadPlan.generate("a/b", 1, MINUTE, Codec.DEFAULT_MIX, 1)).hasMessageContaining("runId");
        assertThatThrownBy(() -> LoadPlan.generate("a", 0, MINUTE, Codec.DEFAULT_MIX, 1)).hasMessageContaining("speakers");
        assertThatThrownBy(() -> LoadPlan.generate("a", 1, MINUTE, List.of(), 1)).hasMessageContaining("codecs");
    }
}
