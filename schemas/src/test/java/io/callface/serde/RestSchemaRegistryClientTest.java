package io.callface.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.callface.avro.ModelRelease;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The REST client against a scripted HTTP server: request shapes, caching, errors and fail-over. */
class RestSchemaRegistryClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCHEMA_TEXT = ModelRelease.getClassSchema().toString();

    private record Recorded(String method, String rawPath, String contentType, String accept, String authorization,
                            String body) {
    }

    private record Answer(int status, String body) {
    }

    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private HttpServer server;
    private URI url;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String key = exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath();
            requests.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("Accept"),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            Answer answer = answers.getOrDefault(key, new Answer(404, "{\"error_code\":404,\"message\":\"HTTP 404\"}"));
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", RestSchemaRegistryClient.CONTENT_TYPE);
            exchange.sendResponseHeaders(answer.status(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        url = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private RestSchemaRegistryClient client(URI... urls) {
        return new RestSchemaRegistryClient(List.of(urls), Optional.of("ann:s3cret"), Duration.ofSeconds(5));
    }

    @Test
    void registerPostsTheSchemaOnceAndCachesBothWays() throws IOException {
        answers.put("POST /subjects/a%20b%2Fc-value/versions", new Answer(200, "{\"id\":7}"));
        RestSchemaRegistryClient client = client(url);

        int id = client.register("a b/c-value", ModelRelease.getClassSchema());
        int again = client.register("a b/c-value", ModelRelease.getClassSchema());

        assertThat(id).isEqualTo(7);
        assertThat(again).isEqualTo(7);
        assertThat(client.schemaById(7)).isEqualTo(ModelRelease.getClassSchema());
        assertThat(requests).hasSize(1);
        Recorded post = requests.get(0);
        assertThat(post.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
        assertThat(post.accept()).isEqualTo("application/vnd.schemaregistry.v1+json");
        assertThat(post.authorization()).isEqualTo(
                "Basic " + Base64.getEncoder().encodeToString("ann:s3cret".getBytes(StandardCharsets.UTF_8)));
        assertThat(JSON.readTree(post.body()).get("schema").asText()).isEqualTo(SCHEMA_TEXT);
    }

    @Test
    void schemaByIdIsFetchedOnce() {
        answers.put("GET /schemas/ids/3", new Answer(200, JSON.createObjectNode().put("schema", SCHEMA_TEXT).toString()));
        RestSchemaRegistryClient client = client(url);

        assertThat(client.schemaById(3)).isEqualTo(ModelRelease.getClassSchema());
        assertThat(client.schemaById(3)).isEqualTo(ModelRelease.getClassSchema());
        assertThat(requests).hasSize(1);
    }

    @Test
    void listsSubjectsAndReadsLatest() {
        answers.put("GET /subjects", new Answer(200, "[\"x-value\",\"y-key\"]"));
        answers.put("GET /subjects/x-value/versions/latest", new Answer(200, JSON.createObjectNode()
                .put("subject", "x-value").put("version", 4).put("id", 12).put("schema", SCHEMA_TEXT).toString()));
        RestSchemaRegistryClient client = client(url);

        assertThat(client.subjects()).containsExactly("x-value", "y-key");
        assertThat(client.latest("x-value"))
                .isEqualTo(new SchemaVersion("x-value", 4, 12, ModelRelease.getClassSchema()));
    }

    @Test
    void errorAnswersCarryStatusAndErrorCode() {
        answers.put("GET /schemas/ids/9", new Answer(404, "{\"error_code\":40403,\"message\":\"Schema 9 not found\"}"));
        RestSchemaRegistryClient client = client(url);

        assertThatThrownBy(() -> client.schemaById(9))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(404);
                    assertThat(e.errorCode()).isEqualTo(40403);
                })
                .hasMessageContaining("HTTP 404").hasMessageContaining("40403").hasMessageContaining("Schema 9 not found");
    }

    @Test
    void nonJsonErrorAnswerKeepsTheStatusAndBody() {
        answers.put("GET /subjects", new Answer(503, "upstream down"));
        RestSchemaRegistryClient client = client(url);

        assertThatThrownBy(client::subjects)
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.httpStatus()).isEqualTo(503))
                .hasMessageContaining("upstream down");
    }

    @Test
    void unreachableUrlFallsOverToTheNext() throws IOException {
        answers.put("GET /subjects", new Answer(200, "[\"z-value\"]"));
        RestSchemaRegistryClient client = client(closedPortUrl(), url);

        assertThat(client.subjects()).containsExactly("z-value");
    }

    @Test
    void noReachableUrlNamesThemAll() throws IOException {
        URI closed = closedPortUrl();
        RestSchemaRegistryClient client = client(closed);

        assertThatThrownBy(client::subjects)
                .isInstanceOf(SchemaRegistryException.class).hasMessageContaining(closed.toString());
    }

    private static URI closedPortUrl() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
    }
}
