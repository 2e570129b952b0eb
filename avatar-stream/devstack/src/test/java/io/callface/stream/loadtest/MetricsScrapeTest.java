package io.callface.stream.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MetricsScrapeTest {
    private static final String TEXT = """
            # HELP callface_chunks_dropped_total Audio chunks not buffered, by reason
            # TYPE callface_chunks_dropped_total counter
            callface_chunks_dropped_total{reason="duplicate"} 12.0
            callface_chunks_dropped_total{reason="no_consent",} 3.0
            callface_chunks_dropped_total{reason="unvoiced"} 100.0
            callface_chunks_in_total 1234.0
            callface_chunks_in_other_total 7.0
            """;

    @Test
    void sumsTheSeriesOfANameByLabel() {
        MetricsScrape scrape = MetricsScrape.parse(TEXT);

        assertThat(scrape.sum("callface_chunks_dropped_total", "reason=\"duplicate\"")).isEqualTo(12.0);
        assertThat(scrape.sum("callface_chunks_dropped_total", "reason=\"no_consent\"")).isEqualTo(3.0);
        assertThat(scrape.sum("callface_chunks_dropped_total", "")).isEqualTo(115.0);
        assertThat(scrape.sum("callface_chunks_in_total", "")).isEqualTo(1234.0);
        assertThat(scrape.sum("callface_missing_total", "")).isZero();
    }
}
