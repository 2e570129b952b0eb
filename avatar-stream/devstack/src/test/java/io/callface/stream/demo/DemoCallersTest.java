package io.callface.stream.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.callface.audio.VoiceActivityDetector;
import io.callface.stream.demo.DemoCallers.CastMember;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoCallersTest {
    /** What the integration tests feed per caller of round 1 (EndToEndIT, ConferencingViewIT). */
    private static final double IT_SECONDS = 12.5;
    private static final int CHUNK_SAMPLES = 320;

    @Test
    void theCastHasBothSexesAndAWideAgeRange() {
        assertThat(DemoCallers.CAST).extracting(CastMember::male).contains(true, false);
        double youngest = DemoCallers.CAST.stream().mapToDouble(CastMember::ageYears).min().orElseThrow();
        double oldest = DemoCallers.CAST.stream().mapToDouble(CastMember::ageYears).max().orElseThrow();
        assertThat(oldest - youngest).isGreaterThanOrEqualTo(30);
    }

    @Test
    void everyCallerOfTheIntegrationTestsRoundGetsOneFullWindowAndNoSecondPreview() throws IOException {
        // A full window needs 6 s of voiced audio; at the end of a stream 3 s or more left over would give a
        // provisional avatar of the next window, which the integration tests' window patterns do not expect.
        VoiceActivityDetector vad = new VoiceActivityDetector();
        List<CallerAudio> callers = DemoCallers.round(1, IT_SECONDS, List.of(), 2019);
        assertThat(callers).hasSize(DemoCallers.CAST.size());
        for (CallerAudio caller : callers) {
            assertThat(voicedSeconds(vad, caller.samples())).as("%s", caller.speaker()).isBetween(6.2, 8.8);
        }
    }

    @Test
    void roundsDifferAndRepeatForTheSameSeed() throws IOException {
        float[] first = DemoCallers.round(1, 2, List.of(), 7).get(0).samples();
        assertThat(DemoCallers.round(1, 2, List.of(), 7).get(0).samples()).isEqualTo(first);
        assertThat(DemoCallers.round(2, 2, List.of(), 7).get(0).samples()).isNotEqualTo(first);
    }

    /** Voiced audio as the windowing counts it: 20 ms chunks the detector calls voiced. */
    private static double voicedSeconds(VoiceActivityDetector vad, float[] samples) {
        int voiced = 0;
        for (int i = 0; i + CHUNK_SAMPLES <= samples.length; i += CHUNK_SAMPLES) {
            if (vad.isVoiced(Arrays.copyOfRange(samples, i, i + CHUNK_SAMPLES))) {
                voiced++;
            }
        }
        return voiced * CHUNK_SAMPLES / 16_000.0;
    }
}
