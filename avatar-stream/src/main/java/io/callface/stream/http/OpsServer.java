package io.callface.stream.http;

import io.javalin.Javalin;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The operator's HTTP endpoints: {@code /health/live} (the process and Kafka Streams are not failed),
 * {@code /health/ready} (Kafka Streams RUNNING and a model loaded) and {@code /metrics} (Prometheus text).
 */
public final class OpsServer implements AutoCloseable {
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final Javalin server;

    private OpsServer(Javalin server) {
        this.server = server;
    }

    public static OpsServer start(String host, int port, Supplier<KafkaStreams.State> streamsState,
                                  BooleanSupplier modelLoaded, Supplier<String> prometheusText) {
        Javalin server = Javalin.create(config -> config.showJavalinBanner = false)
                .get("/health/live", ctx -> {
                    KafkaStreams.State state = streamsState.get();
                    boolean live = state != KafkaStreams.State.ERROR && state != KafkaStreams.State.NOT_RUNNING;
                    ctx.status(live ? 200 : 503).json(Map.of("live", live, "streams", state.name()));
                })
                .get("/health/ready", ctx -> {
                    KafkaStreams.State state = streamsState.get();
                    boolean ready = state == KafkaStreams.State.RUNNING && modelLoaded.getAsBoolean();
                    ctx.status(ready ? 200 : 503).json(Map.of("ready", ready, "streams", state.name(),
                            "modelLoaded", modelLoaded.getAsBoolean()));
                })
                .get("/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT).result(prometheusText.get()))
                .start(host, port);
        return new OpsServer(server);
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.stop();
    }
}
