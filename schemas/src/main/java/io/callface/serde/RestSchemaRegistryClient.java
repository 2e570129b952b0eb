package io.callface.serde;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * A {@link SchemaRegistryClient} over Confluent's REST API, which Confluent Schema Registry, Apicurio's ccompat
 * endpoint, Karapace, Redpanda and callface's embedded registry all serve. With several base URLs it tries them in
 * order until one answers; an HTTP error answer is final. Registered and fetched schemas are cached for the life
 * of the client. Thread-safe.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {

    /** Content type of Confluent's REST API, version 1. */
    public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<URI> baseUrls;
    private final Optional<String> authorization;
    private final Duration requestTimeout;
    private final HttpClient http;
    private final Map<String, Map<String, Integer>> idsBySubject = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

    /**
     * @param baseUrls       registry base URLs, tried in order (e.g. {@code http://localhost:8081})
     * @param basicAuthUserInfo {@code user:password} for HTTP basic auth, or empty for none
     * @param requestTimeout limit on connecting and on each request
     */
    public RestSchemaRegistryClient(List<URI> baseUrls, Optional<String> basicAuthUserInfo, Duration requestTimeout) {
        Objects.requireNonNull(baseUrls, "baseUrls");
        if (baseUrls.isEmpty()) {
            throw new IllegalArgumentException("baseUrls must name at least one registry URL");
        }
        this.baseUrls = baseUrls.stream().map(RestSchemaRegistryClient::withoutTrailingSlash).toList();
        this.authorization = basicAuthUserInfo.map(RestSchemaRegistryClient::basicAuthorization);
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.http = HttpClient.newBuilder().connectTimeout(requestTimeout).build();
    }

    @Override
    public int register(String subject, Schema schema) {
        Objects.requireNonNull(schema, "schema");
        Map<String, Integer> ids = idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>());
        String text = schema.toString();
        Integer cached = ids.get(text);
        if (cached != null) {
            return cached;
        }
        String body = JSON.createObjectNode().put("schema", text).toString();
        int id = send("POST", "/subjects/" + encode(subject) + "/versions", body).path("id").asInt(-1);
        if (id < 0) {
            throw new SchemaRegistryException("Registry answered registration of subject '" + subject
                    + "' without an id", null);
        }
        ids.put(text, id);
        schemasById.putIfAbsent(id, schema);
        return id;
    }

    @Override
    public Schema schemaById(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        Schema schema = parse(send("GET", "/schemas/ids/" + id, null).path("schema").asText(), "id " + id);
        schemasById.putIfAbsent(id, schema);
        return schema;
    }

    @Override
    public List<String> subjects() {
        return JSON.convertValue(send("GET", "/subjects", null), new TypeReference<List<String>>() { });
    }

    @Override
    public SchemaVersion latest(String subject) {
        JsonNode answer = send("GET", "/subjects/" + encode(subject) + "/versions/latest", null);
        int id = answer.path("id").asInt();
        Schema schema = schemasById.computeIfAbsent(id,
                i -> parse(answer.path("schema").asText(), "subject '" + subject + "' latest"));
        return new SchemaVersion(answer.path("subject").asText(subject), answer.path("version").asInt(), id, schema);
    }

    /** The base URLs this client tries, in order. */
    public List<URI> baseUrls() {
        return baseUrls;
    }

    private JsonNode send(String method, String path, String body) {
        List<Exception> failures = new ArrayList<>();
        for (URI base : baseUrls) {
            HttpRequest request = request(method, URI.create(base + path), body);
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // Unreachable or timed out: the next URL may be another node of the same registry.
                failures.add(e);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SchemaRegistryException("Interrupted during " + method + " " + base + path, e);
            }
            return answer(method, base + path, response);
        }
        SchemaRegistryException unreachable = new SchemaRegistryException("No schema registry answered " + method
                + " " + path + " at " + baseUrls + ": " + failures.get(failures.size() - 1), failures.get(0));
        failures.stream().skip(1).forEach(unreachable::addSuppressed);
        throw unreachable;
    }

    private HttpRequest request(String method, URI uri, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .header("Accept", CONTENT_TYPE)
                .method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            builder.header("Content-Type", CONTENT_TYPE);
        }
        authorization.ifPresent(value -> builder.header("Authorization", value));
        return builder.build();
    }

    private static JsonNode answer(String method, String url, HttpResponse<String> response) {
        JsonNode json;
        try {
            json = JSON.readTree(response.body());
        } catch (IOException e) {
            json = null;
        }
        int status = response.statusCode();
        if (status / 100 == 2 && json != null) {
            return json;
        }
        int errorCode = json == null ? 0 : json.path("error_code").asInt(0);
        String message = json != null && json.hasNonNull("message") ? json.get("message").asText()
                : abbreviate(response.body());
        throw new SchemaRegistryException(status, errorCode, method + " " + url + " failed: HTTP " + status
                + ", error_code " + errorCode + ": " + message);
    }

    private static Schema parse(String text, String what) {
        try {
            return new Schema.Parser().parse(text);
        } catch (RuntimeException e) {
            // Avro reports bad schemas as SchemaParseException, but an unknown type name as NullPointerException.
            throw new SchemaRegistryException("Registry returned an invalid Avro schema for " + what + ": "
                    + e.getMessage(), e);
        }
    }

    private static String encode(String subject) {
        Objects.requireNonNull(subject, "subject");
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static URI withoutTrailingSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri;
    }

    private static String basicAuthorization(String userInfo) {
        if (!userInfo.contains(":")) {
            throw new IllegalArgumentException("basic auth user info must be 'user:password', got a value without ':'");
        }
        return "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    }

    private static String abbreviate(String body) {
        return body == null || body.length() <= 200 ? String.valueOf(body) : body.substring(0, 200) + "...";
    }
}
