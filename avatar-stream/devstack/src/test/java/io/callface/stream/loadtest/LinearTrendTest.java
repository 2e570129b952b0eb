package io.callface.stream.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LinearTrendTest {
    @Test
    void recoversTheLineUnderNoise() {
        Random random = new Random(1);
        List<LinearTrend.Point> points = new ArrayList<>();
        for (int x = 0; x < 500; x++) {
            points.add(new LinearTrend.Point(x, 3.0 - 0.25 * x + random.nextGaussian() * 0.5));
        }

        LinearTrend trend = LinearTrend.fit(points);

        assertThat(trend.slope()).isCloseTo(-0.25, within(0.005));
        assertThat(trend.intercept()).isCloseTo(3.0, within(0.2));
        assertThat(trend.points()).isEqualTo(500);
    }

    @Test
    void needsTwoDistinctXs() {
        assertThatThrownBy(() -> LinearTrend.fit(List.of(new LinearTrend.Point(1, 1)))).hasMessageContaining("at least 2");
        assertThatThrownBy(() -> LinearTrend.fit(List.of(new LinearTrend.Point(1, 1), new LinearTrend.Point(1, 2))))
                .hasMessageContaining("no slope");
    }
}
