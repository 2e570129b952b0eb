package io.callface.stream.topology;

import static io.callface.stream.testing.TestAudio.CHUNK_SAMPLES;
import static org.assertj.core.api.Assertions.assertThat;

import io.callface.audio.VoicedWindows;
import io.callface.avro.AvatarEvent;
import io.callface.stream.testing.FakeAvatars;
import io.callface.stream.testing.TestAudio;
import io.callface.stream.window.WindowEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link VoicedWindows}, the offline copy of the stream's window rule that {@code trainer listen} uses, cuts a call
 * exactly as the topology does with its default settings: same windows, same order, same voiced seconds.
 */
class VoicedWindowsParityTest {
    /** Voiced and silent stretches in 20 ms chunks: 4 s voice, 2 s silence, 8 s, 3 s silence, 10 s voice. */
    private static final int[][] STRETCHES = {{200, 1}, {100, 0}, {400, 1}, {150, 0}, {500, 1}};

    private static String shape(boolean provisional, double voicedSeconds) {
        return (provisional ? "P" : "F") + String.format(java.util.Locale.ROOT, "%.2f", voicedSeconds);
    }

    @Test
    void theOfflineWindowsAreTheStreamsWindows() {
        List<float[]> chunks = new ArrayList<>();
        int seq = 0;
        for (int[] stretch : STRETCHES) {
            for (int i = 0; i < stretch[0]; i++, seq++) {
                chunks.add(stretch[1] == 1 ? TestAudio.voiced(seq, 1) : new float[CHUNK_SAMPLES]);
            }
        }
        float[] call = new float[chunks.size() * CHUNK_SAMPLES];
        List<String> stream = new ArrayList<>();
        try (TopologyHarness harness = new TopologyHarness(Map.of(), FakeAvatars::of, WindowEvents.NONE)) {
            for (int i = 0; i < chunks.size(); i++) {
                System.arraycopy(TestAudio.asDecodedPcm16(chunks.get(i)), 0, call, i * CHUNK_SAMPLES, CHUNK_SAMPLES);
                harness.audio.pipeInput("c/dan", TestAudio.chunk("c", "dan", i, TestAudio.pcm16(chunks.get(i)),
                        i == chunks.size() - 1));
            }
            for (AvatarEvent event : harness.avatars.readValuesToList()) {
                stream.add(shape(event.getProvisional(), event.getVoicedSeconds()));
            }
        }

        List<String> offline = VoicedWindows.of(call).stream().map(w -> shape(w.provisional(), w.seconds())).toList();

        assertThat(offline).containsExactly("P3.00", "F6.00", "F6.00", "F6.00", "P4.00");
        assertThat(stream).isEqualTo(offline);
    }
}
