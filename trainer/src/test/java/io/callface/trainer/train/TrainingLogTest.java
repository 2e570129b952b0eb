package io.callface.trainer.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TrainingLogTest {
    @Test
    void csvRoundTripsAndThroughputIsSamplesOverSeconds() {
        TrainingLog log = new TrainingLog();
        log.add(new EpochRecord(EpochRecord.FACE, 1, 3, 90, 3.0, 5.5, Double.NaN));
        log.add(new EpochRecord(EpochRecord.FACE, 2, 3, 90, 1.5, 4.25, Double.NaN));
        log.add(new EpochRecord(EpochRecord.VOICE, 1, 10, 80, 8.0, 1200.5, 700.25));

        TrainingLog parsed = TrainingLog.parse(log.toCsv());

        assertThat(parsed.records()).isEqualTo(log.records());
        assertThat(parsed.metrics().get("train_face_samples_per_s")).isCloseTo(180 / 4.5, within(1e-9));
        assertThat(parsed.metrics().get("train_voice_samples_per_s")).isCloseTo(10.0, within(1e-9));
        assertThat(parsed.metrics().get("train_voice_seconds")).isCloseTo(8.0, within(1e-9));
    }

    @Test
    void aBadLineIsNamed() {
        assertThatThrownBy(() -> TrainingLog.parse(TrainingLog.HEADER + "\nface,1,3\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 2: expected 7 columns");
        assertThatThrownBy(() -> TrainingLog.parse(TrainingLog.HEADER + "\nbody,1,3,9,1.0,2.0,\n"))
                .hasMessageContaining("line 2: stage: 'body'");
    }
}
