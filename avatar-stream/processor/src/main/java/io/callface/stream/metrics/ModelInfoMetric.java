package io.callface.stream.metrics;

import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.List;

/**
 * {@code callface.model.info{version}} = 1 for the model serving now. A multi-gauge, because a hot swap
 * changes the tag: the row of the old version disappears.
 */
public final class ModelInfoMetric {
    private final MultiGauge gauge;
    private String shown;

    public ModelInfoMetric(MeterRegistry registry) {
        this.gauge = MultiGauge.builder("callface.model.info").description("The model serving avatars").register(registry);
    }

    /** Shows {@code version} as the serving model (cheap when it has not changed). */
    public synchronized void show(String version) {
        if (!version.equals(shown)) {
            gauge.register(List.of(MultiGauge.Row.of(Tags.of("version", version), 1)), true);
            shown = version;
        }
    }
}
