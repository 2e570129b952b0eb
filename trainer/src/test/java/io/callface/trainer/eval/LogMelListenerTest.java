package io.callface.trainer.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LogMelListenerTest {

    @Test
    void statisticsThatCarryTheFeatureAreMappedOntoIt() {
        Random random = new Random(2);
        List<float[]> logMel = new ArrayList<>();
        List<float[]> features = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            float[] stats = new float[LogMelStatistics.DIMENSION];
            for (int j = 0; j < stats.length; j++) {
                stats[j] = (float) random.nextGaussian();
            }
            logMel.add(stats);
            features.add(new float[] {3 * stats[0], -stats[5] + 0.1f * (float) random.nextGaussian()});
        }

        LogMelListener listener = LogMelListener.fit(logMel, features);
        float[] probe = new float[LogMelStatistics.DIMENSION];
        probe[0] = 1;
        probe[5] = 2;

        assertThat(LogMelListener.RIDGES).contains(listener.ridge());
        float[] estimate = listener.feature(probe);
        assertThat(estimate[0]).isCloseTo(3f, org.assertj.core.data.Offset.offset(0.3f));
        assertThat(estimate[1]).isCloseTo(-2f, org.assertj.core.data.Offset.offset(0.3f));
    }

    @Test
    void tooFewIdentitiesAreRejected() {
        assertThatThrownBy(() -> LogMelListener.fit(List.of(new float[3], new float[3]), List.of(new float[1],
                new float[1]))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 4");
    }
}
