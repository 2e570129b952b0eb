package io.callface.stream.http;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The operator's HTTP endpoints: {@code /health/live} (the process and Kafka Streams are not failed),
 * {@code /health/ready} (Kafka Streams RUNNING and a model loaded) and {@code /metrics} (Prometheus text),
 * plus whatever else {@code more} registers on the same server (the web view and its API).
 */
public final class OpsServer implements AutoCloseable {
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final Javalin server;

    private OpsServer(Javalin server) {
        this.server = server;
    }

    public static OpsServer start(String host, int port, Supplier<KafkaStreams.State> streamsState,
                                  BooleanSupplier modelLoaded, Supplier<String> prometheusText) {
        return start(host, port, streamsState, modelLoaded, prometheusText, config -> { });
    }

    /** As above, letting {@code more} add routes and static files to the server's configuration. */
    public static OpsServer start(String host, int port, Supplier<KafkaStreams.State> streamsState,
                                  BooleanSupplier modelLoaded, Supplier<String> prometheusText,
                                  Consumer<JavalinConfig> more) {
        Javalin server = Javalin.create(config -> {
                    config.showJavalinBanner = false;
                    more.accept(config);
                })
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
