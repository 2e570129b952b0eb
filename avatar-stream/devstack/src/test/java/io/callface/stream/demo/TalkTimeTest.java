package io.callface.stream.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callface.stream.testing.TestAudio;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

class TalkTimeTest {
    private static final int CHUNK = TalkTime.CHUNK_SAMPLES;
    /** Marks an output chunk that is line noise, not a chunk of the speech. */
    private static final int NOISE = -1;

    @Test
    void speechWithRoomToSpareIsCutAtTheLastWantedVoicedChunkAndTheRestIsLineNoise() {
        float[] speech = speech("__VV_V___VVV");

        float[] call = TalkTime.fit(turns(speech), 20, 5, 1);

        assertThat(call).hasSize(20 * CHUNK);
        assertThat(sources(call, speech)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
                NOISE, NOISE, NOISE, NOISE, NOISE, NOISE, NOISE, NOISE, NOISE);
        assertThat(TalkTime.voicedChunks(call).cardinality()).isEqualTo(5);
        float[] noise = Arrays.copyOfRange(call, 11 * CHUNK, call.length);
        assertThat(peak(noise)).isLessThanOrEqualTo(TalkTime.LINE_NOISE_PEAK);
        assertThat(rms(noise)).isGreaterThan(TalkTime.LINE_NOISE_PEAK / 4);
    }

    @Test
    void sparseVoiceHasItsUnvoicedRunsShortenedFromTheMiddleToOneCommonLength() {
        // Runs of 5 and 3 unvoiced chunks, room for 4: both cut to 2, keeping each run's first and last chunk.
        float[] speech = speech("V_____V___V");

        float[] call = TalkTime.fit(turns(speech), 7, 3, 1);

        assertThat(sources(call, speech)).containsExactly(0, 1, 5, 6, 7, 9, 10);
        assertThat(TalkTime.voicedChunks(call).cardinality()).isEqualTo(3);
    }

    @Test
    void aCutThatLeavesRoomIsPaddedWithLineNoise() {
        // Runs of 6 and 2, room for 3: a common length of 2 keeps 4, too many; 1 keeps 2, and one chunk of noise
        // ends the call.
        float[] speech = speech("V______V__V");

        float[] call = TalkTime.fit(turns(speech), 6, 3, 1);

        assertThat(sources(call, speech)).containsExactly(0, 1, 7, 8, 10, NOISE);
        assertThat(TalkTime.voicedChunks(call).cardinality()).isEqualTo(3);
    }

    @Test
    void takesFurtherTurnsUntilTheVoiceIsHeardLongEnough() {
        float[] first = speech("_V_V");
        float[] second = speech("__VV");
        List<Integer> asked = new ArrayList<>();
        IntFunction<float[]> turns = turn -> {
            asked.add(turn);
            return turn == 0 ? first : second;
        };

        float[] call = TalkTime.fit(turns, 12, 3, 1);

        assertThat(asked).containsExactly(0, 1);
        assertThat(Arrays.copyOfRange(call, 4 * CHUNK, 7 * CHUNK)).isEqualTo(Arrays.copyOfRange(second, 0, 3 * CHUNK));
        assertThat(TalkTime.voicedChunks(call).cardinality()).isEqualTo(3);
    }

    @Test
    void noWantedVoiceIsAllLineNoise() {
        float[] call = TalkTime.fit(turn -> {
            throw new AssertionError("no speech is needed");
        }, 3, 0, 1);

        assertThat(call).hasSize(3 * CHUNK);
        assertThat(peak(call)).isLessThanOrEqualTo(TalkTime.LINE_NOISE_PEAK);
    }

    @Test
    void refusesWhatCannotBeMade() {
        assertThatThrownBy(() -> TalkTime.fit(turns(speech("VV")), 2, 3, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TalkTime.fit(turns(new float[CHUNK - 1]), 2, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no whole 20 ms chunk");
        assertThatThrownBy(() -> TalkTime.fit(turns(speech("____")), 5, 1, 1))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("voice gate");
    }

    @Test
    void voicedChunksAreThoseTheStreamsGatePasses() {
        assertThat(TalkTime.voicedChunks(speech("_VV__V")).stream().boxed().toList()).containsExactly(1, 2, 5);
    }

    /**
     * Whole chunks from a pattern: {@code V} a voiced chunk, {@code _} a faint one (a DC level under -80 dBFS) that
     * the gate refuses; every chunk is distinct, so {@link #sources} can tell where each output chunk came from.
     */
    private static float[] speech(String pattern) {
        float[] samples = new float[pattern.length() * CHUNK];
        for (int i = 0; i < pattern.length(); i++) {
            float[] chunk = new float[CHUNK];
            if (pattern.charAt(i) == 'V') {
                chunk = TestAudio.voiced(i, 1);
            } else {
                Arrays.fill(chunk, (i + 1) * 1e-6f);
            }
            System.arraycopy(chunk, 0, samples, i * CHUNK, CHUNK);
        }
        return samples;
    }

    private static IntFunction<float[]> turns(float[] speech) {
        return turn -> speech;
    }

    /** For each chunk of {@code call}, the index of the chunk of {@code speech} it is, or {@link #NOISE}. */
    private static List<Integer> sources(float[] call, float[] speech) {
        List<Integer> sources = new ArrayList<>();
        for (int i = 0; i < call.length / CHUNK; i++) {
            float[] chunk = Arrays.copyOfRange(call, i * CHUNK, (i + 1) * CHUNK);
            int source = NOISE;
            for (int j = 0; j < speech.length / CHUNK; j++) {
                if (Arrays.equals(chunk, Arrays.copyOfRange(speech, j * CHUNK, (j + 1) * CHUNK))) {
                    source = j;
                }
            }
            sources.add(source);
        }
        return sources;
    }

    private static double peak(float[] samples) {
        double peak = 0;
        for (float x : samples) {
            peak = Math.max(peak, Math.abs(x));
        }
        return peak;
    }

    private static double rms(float[] samples) {
        double sum = 0;
        for (float x : samples) {
            sum += x * x;
        }
        return Math.sqrt(sum / samples.length);
    }
}
