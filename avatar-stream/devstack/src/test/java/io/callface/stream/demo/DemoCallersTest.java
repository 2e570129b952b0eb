package io.callface.stream.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.callface.audio.VoiceActivityDetector;
import io.callface.audio.VoiceGate;
import io.callface.audio.VoicedWindows;
import io.callface.audio.VoicedWindows.Window;
import io.callface.stream.demo.DemoCallers.CastMember;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
        List<CallerAudio> callers = DemoCallers.round(1, IT_SECONDS, List.of(), DemoCallers.SEED);
        assertThat(callers).hasSize(DemoCallers.CAST.size());
        for (CallerAudio caller : callers) {
            float[] heard = asTheStreamHearsIt(caller);
            assertThat(heard).as("%s", caller.speaker()).hasSize((int) (IT_SECONDS * 16_000));
            assertThat(voicedSeconds(heard)).as("%s", caller.speaker()).isBetween(6.2, 8.8).isEqualTo(6.5);
            assertThat(VoicedWindows.of(heard)).as("%s", caller.speaker())
                    .extracting(Window::provisional, Window::seconds)
                    .containsExactly(tuple(true, 3.0), tuple(false, 6.0));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void theDemosCallersAreHeardForTheSetShareOfTheirCall(int round) throws IOException {
        // The demo's default: 20 s per caller, round after round with the same seed.
        for (CallerAudio caller : DemoCallers.round(round, 20, List.of(), DemoCallers.SEED)) {
            float[] heard = asTheStreamHearsIt(caller);
            assertThat(heard).as("%s", caller.speaker()).hasSize(20 * 16_000);
            assertThat(voicedSeconds(heard)).as("%s", caller.speaker())
                    .isCloseTo(DemoCallers.VOICED_SHARE * 20, within(1e-9));
        }
    }

    @Test
    void roundsDifferAndRepeatForTheSameSeed() throws IOException {
        float[] first = DemoCallers.round(1, 2, List.of(), 7).get(0).samples();
        assertThat(DemoCallers.round(1, 2, List.of(), 7).get(0).samples()).isEqualTo(first);
        assertThat(DemoCallers.round(2, 2, List.of(), 7).get(0).samples()).isNotEqualTo(first);
    }

    /** The caller's audio as the stream decodes the feeder's PCM16 chunks. */
    private static float[] asTheStreamHearsIt(CallerAudio caller) {
        assertThat(caller.sampleRate()).isEqualTo(16_000);
        return AudioFeeder.asHeard(caller.samples());
    }

    /** Voiced audio as the windowing counts it: 20 ms chunks the stream's voice gate passes. */
    private static double voicedSeconds(float[] samples) {
        VoiceGate gate = new VoiceGate(new VoiceActivityDetector());
        int voiced = 0;
        for (int i = 0; i + CHUNK_SAMPLES <= samples.length; i += CHUNK_SAMPLES) {
            if (gate.isVoiced(Arrays.copyOfRange(samples, i, i + CHUNK_SAMPLES))) {
                voiced++;
            }
        }
        return voiced * CHUNK_SAMPLES / 16_000.0;
    }
}
