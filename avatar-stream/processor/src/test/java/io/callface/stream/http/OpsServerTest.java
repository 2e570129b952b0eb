package io.callface.stream.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

class OpsServerTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void readyOnlyWhenStreamsRunAndAModelIsLoaded() throws Exception {
        AtomicReference<KafkaStreams.State> state = new AtomicReference<>(KafkaStreams.State.CREATED);
        AtomicBoolean modelLoaded = new AtomicBoolean(false);
        try (OpsServer server = OpsServer.start("127.0.0.1", 0, state::get, modelLoaded::get,
                () -> "")) {
            assertThat(get(server, "/health/ready").statusCode()).isEqualTo(503);
            assertThat(get(server, "/health/live").statusCode()).isEqualTo(200);

            state.set(KafkaStreams.State.RUNNING);
            assertThat(get(server, "/health/ready").statusCode()).isEqualTo(503);

            modelLoaded.set(true);
            HttpResponse<String> ready = get(server, "/health/ready");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).contains("\"streams\":\"RUNNING\"");

            state.set(KafkaStreams.State.REBALANCING);
            assertThat(get(server, "/health/ready").statusCode()).isEqualTo(503);

            state.set(KafkaStreams.State.ERROR);
            assertThat(get(server, "/health/live").statusCode()).isEqualTo(503);
        }
    }

    @Test
    void metricsArePrometheusText() throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Counter.builder("callface.chunks.in").register(registry).increment(3);
        try (OpsServer server = OpsServer.start("127.0.0.1", 0, () -> KafkaStreams.State.RUNNING, () -> true, registry::scrape)) {
            HttpResponse<String> metrics = get(server, "/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
            assertThat(metrics.body()).contains("callface_chunks_in_total 3.0");
        }
    }

    private HttpResponse<String> get(OpsServer server, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
