package io.callface.trainer.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CallConditionTest {
    @Test
    void theMeetingRoomFillsThePauseAfterABurstWithItsReverberationAndKeepsTheLength() {
        float[] burst = new float[16_000];
        for (int i = 0; i < 1_600; i++) {
            burst[i] = (float) Math.sin(2 * Math.PI * 440 * i / 16_000.0);
        }

        float[] heard = CallCondition.ROOM_T60_06.apply(burst, burst, 7);

        assertThat(heard).hasSize(burst.length);
        // 0.1-0.3 s after the burst ends the dry signal is silent; a 0.6 s T60 room still rings there.
        assertThat(energy(heard, 3_200, 6_400)).isGreaterThan(1e-4 * energy(heard, 0, 1_600));
        assertThat(energy(burst, 3_200, 6_400)).isZero();
    }

    @Test
    void theSeedFixesTheRoomsResponse() {
        float[] noise = randomSignal();

        assertThat(CallCondition.ROOM_T60_06.apply(noise, noise, 3)).isEqualTo(CallCondition.ROOM_T60_06.apply(noise, noise, 3));
        assertThat(CallCondition.ROOM_T60_06.apply(noise, noise, 3)).isNotEqualTo(CallCondition.ROOM_T60_06.apply(noise, noise, 4));
    }

    private static float[] randomSignal() {
        Random random = new Random(1);
        float[] signal = new float[8_000];
        for (int i = 0; i < signal.length; i++) {
            signal[i] = (float) (random.nextGaussian() * 0.1);
        }
        return signal;
    }

    private static double energy(float[] signal, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += signal[i] * signal[i];
        }
        return sum;
    }
}
