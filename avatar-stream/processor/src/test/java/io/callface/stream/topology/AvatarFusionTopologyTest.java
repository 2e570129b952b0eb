package io.callface.stream.topology;

import static io.callface.stream.testing.TestAudio.CHUNKS_PER_WINDOW;
import static io.callface.stream.testing.TestAudio.voicedChunk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.callface.avro.AudioChunk;
import io.callface.avro.AvatarEvent;
import io.callface.model.fusion.FusedEmbedding;
import io.callface.stream.config.AvatarStreamConfig;
import io.callface.stream.testing.FakeAvatars;
import io.callface.stream.window.SpeakerWindowProcessor;
import io.callface.stream.window.WindowEvents;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Temporal fusion in the topology, with the fake model of {@link FakeAvatars}: window {@code i} of {@code s}
 * voiced seconds embeds to {@code [i + 1, s]}.
 */
class AvatarFusionTopologyTest {
    private TopologyTestDriver driver;
    private TestInputTopic<String, AudioChunk> audio;
    private TestOutputTopic<String, AvatarEvent> avatars;

    private void start(Map<String, Object> overrides) {
        TopologyHarness harness = new TopologyHarness(overrides, FakeAvatars::of, WindowEvents.NONE);
        driver = harness.driver;
        audio = harness.audio;
        avatars = harness.avatars;
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void fullWindowsAreFoldedIntoTheRunningMeanAndProvisionalOnesAreNot() {
        start(Map.of());
        feed("ann", 0, 3 * CHUNKS_PER_WINDOW);

        List<AvatarEvent> out = avatars.readValuesToList();
        assertThat(out).extracting(AvatarEvent::getWindowIndex, AvatarEvent::getProvisional,
                        AvatarEvent::getFusedEmbedding, AvatarEvent::getWindowsFused)
                .containsExactly(
                        tuple(0L, true, List.of(1f, 3f), 1),
                        tuple(0L, false, List.of(1f, 6f), 1),
                        tuple(1L, false, List.of(1.5f, 6f), 2),
                        tuple(2L, false, List.of(2f, 6f), 3));
        assertThat(out.get(3).getFaceEmbedding()).containsExactly(3f, 6f);
        assertThat(storedFusion("c/ann")).isEqualTo(new FusedEmbedding(FakeAvatars.VERSION, new float[] {2f, 6f}, 3));
    }

    @Test
    void aLastProvisionalWindowIsDecodedFromTheFusionAndTheSpeakersFusionIsDeletedAtTheEnd() {
        start(Map.of());
        feed("bob", 0, 499);
        audio.pipeInput("c/bob", voicedChunk("c", "bob", 499, true)); // a full window, then 4 s

        List<AvatarEvent> out = avatars.readValuesToList();
        assertThat(out).extracting(AvatarEvent::getWindowIndex, AvatarEvent::getProvisional,
                        AvatarEvent::getFusedEmbedding, AvatarEvent::getWindowsFused)
                .containsExactly(
                        tuple(0L, true, List.of(1f, 3f), 1),
                        tuple(0L, false, List.of(1f, 6f), 1),
                        tuple(1L, true, List.of(1.5f, 5f), 2));
        assertThat(storedFusion("c/bob")).isNull();
    }

    @Test
    void exponentialFusionFollowsAlpha() {
        start(Map.of(AvatarStreamConfig.INFERENCE_FUSION_CONFIG, "exponential",
                AvatarStreamConfig.INFERENCE_FUSION_ALPHA_CONFIG, 0.5));
        feed("cat", 0, 3 * CHUNKS_PER_WINDOW);

        assertThat(avatars.readValuesToList()).filteredOn(e -> !e.getProvisional())
                .extracting(AvatarEvent::getFusedEmbedding)
                .containsExactly(List.of(1f, 6f), List.of(1.5f, 6f), List.of(2.25f, 6f));
    }

    private FusedEmbedding storedFusion(String key) {
        KeyValueStore<String, byte[]> store = driver.getKeyValueStore(SpeakerWindowProcessor.FUSION_STORE);
        byte[] bytes = store.get(key);
        return bytes == null ? null : FusedEmbedding.fromBytes(bytes);
    }

    private void feed(String participant, int firstSeq, int count) {
        for (int seq = firstSeq; seq < firstSeq + count; seq++) {
            audio.pipeInput("c/" + participant, voicedChunk("c", participant, seq, false));
        }
    }
}
