package io.callface.stream.embedded;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callface.serde.CompatibilityLevel;
import io.callface.serde.InMemorySchemaRegistryClient;
import io.callface.serde.RestSchemaRegistryClient;
import io.callface.serde.SchemaRegistryException;
import io.callface.serde.SchemaVersion;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-memory schema registry speaking Confluent's REST API, so the embedded default needs no external
 * registry and any Confluent-compatible client (ours, Confluent's, kcat) can use it. Only Avro schemas, nothing
 * persisted. Thread-safe. Compatibility is enforced as Confluent's registry does it: a global level (BACKWARD unless
 * changed) and optional per-subject levels, decided by Avro's {@code SchemaCompatibility} (see
 * {@link CompatibilityLevel}); an incompatible registration is answered 409.
 *
 * <p>Endpoints: {@code POST /subjects/{s}/versions}, {@code POST /subjects/{s}}, {@code GET /schemas/ids/{id}},
 * {@code GET /schemas/ids/{id}/versions}, {@code GET /subjects}, {@code GET /subjects/{s}/versions},
 * {@code GET /subjects/{s}/versions/{version|latest}}, {@code GET|PUT /config},
 * {@code GET|PUT|DELETE /config/{s}} ({@code GET} with {@code ?defaultToGlobal=true} falls back to the global level),
 * {@code POST /compatibility/subjects/{s}/versions/{version|latest}} and {@code POST /compatibility/subjects/{s}/versions}
 * ({@code ?verbose=true} adds the reasons). Errors answer {@code {"error_code":n,"message":"..."}} with Confluent's
 * codes (40401 subject, 40402 version, 40403 schema, 40408 no subject-level compatibility, 409 incompatible,
 * 42201 invalid schema, 42202 invalid version, 42203 invalid compatibility level).
 */
public final class EmbeddedSchemaRegistry implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedSchemaRegistry.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AVRO = "AVRO";

    private final InMemorySchemaRegistryClient store = new InMemorySchemaRegistryClient();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Javalin app;
    private final String url;

    private EmbeddedSchemaRegistry(String host, int port) {
        this.app = Javalin.create(config -> config.showJavalinBanner = false);
        routes();
        app.start(host, port);
        this.url = "http://" + urlHost(host) + ":" + app.port();
    }

    /**
     * Starts a registry listening on {@code host:port}.
     *
     * @param port the port, or 0 to pick a free one (see {@link #url()})
     */
    public static EmbeddedSchemaRegistry start(String host, int port) {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be in [0, 65535], got " + port);
        }
        EmbeddedSchemaRegistry registry = new EmbeddedSchemaRegistry(host, port);
        LOG.info("Embedded schema registry listening at {}", registry.url());
        return registry;
    }

    /** The base URL for {@code schema.registry.url}, e.g. {@code http://127.0.0.1:38081}. */
    public String url() {
        return url;
    }

    /** Stops serving; later calls do nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            app.stop();
        }
    }

    private void routes() {
        app.post("/subjects/{subject}/versions", ctx -> {
            int id = store.register(ctx.pathParam("subject"), postedSchema(ctx));
            answer(ctx, JSON.createObjectNode().put("id", id));
        });
        app.post("/subjects/{subject}", ctx -> {
            String subject = ctx.pathParam("subject");
            Schema schema = postedSchema(ctx);
            SchemaVersion found = store.lookup(subject, schema).orElseThrow(() -> new SchemaRegistryException(404,
                    SchemaRegistryException.SCHEMA_NOT_FOUND, "Schema not found under subject '" + subject + "'"));
            answer(ctx, versionJson(found));
        });
        app.get("/schemas/ids/{id}", ctx ->
                answer(ctx, JSON.createObjectNode().put("schema", store.schemaById(schemaId(ctx)).toString())));
        app.get("/schemas/ids/{id}/versions", ctx -> {
            ArrayNode usages = JSON.createArrayNode();
            store.usagesOf(schemaId(ctx)).forEach(v ->
                    usages.addObject().put("subject", v.subject()).put("version", v.version()));
            answer(ctx, usages);
        });
        app.get("/subjects", ctx -> answer(ctx, JSON.valueToTree(store.subjects())));
        app.get("/subjects/{subject}/versions", ctx ->
                answer(ctx, JSON.valueToTree(store.versions(ctx.pathParam("subject")))));
        app.get("/subjects/{subject}/versions/{version}", ctx -> {
            String subject = ctx.pathParam("subject");
            String version = ctx.pathParam("version");
            SchemaVersion found = "latest".equals(version) || "-1".equals(version)
                    ? store.latest(subject)
                    : store.version(subject, versionNumber(version));
            answer(ctx, versionJson(found));
        });
        app.get("/config", ctx -> answer(ctx, levelJson("compatibilityLevel", store.globalCompatibility())));
        app.put("/config", ctx -> {
            CompatibilityLevel level = postedLevel(ctx);
            store.setGlobalCompatibility(level);
            answer(ctx, levelJson("compatibility", level));
        });
        app.get("/config/{subject}", ctx -> {
            String subject = ctx.pathParam("subject");
            CompatibilityLevel level = Boolean.parseBoolean(ctx.queryParam("defaultToGlobal"))
                    ? store.compatibility(subject)
                    : store.subjectCompatibility(subject).orElseThrow(() -> SchemaRegistryException.noSubjectCompatibility(subject));
            answer(ctx, levelJson("compatibilityLevel", level));
        });
        app.put("/config/{subject}", ctx -> {
            CompatibilityLevel level = postedLevel(ctx);
            store.setSubjectCompatibility(ctx.pathParam("subject"), level);
            answer(ctx, levelJson("compatibility", level));
        });
        app.delete("/config/{subject}", ctx ->
                answer(ctx, levelJson("compatibilityLevel", store.deleteSubjectCompatibility(ctx.pathParam("subject")))));
        app.post("/compatibility/subjects/{subject}/versions/{version}", ctx -> {
            String subject = ctx.pathParam("subject");
            Schema schema = postedSchema(ctx);
            String version = ctx.pathParam("version");
            int number = "latest".equals(version) || "-1".equals(version)
                    ? store.latest(subject).version()
                    : versionNumber(version);
            answerCompatibility(ctx, store.incompatibilitiesWith(subject, number, schema));
        });
        app.post("/compatibility/subjects/{subject}/versions", ctx ->
                answerCompatibility(ctx, store.incompatibilities(ctx.pathParam("subject"), postedSchema(ctx))));

        app.exception(SchemaRegistryException.class, (e, ctx) -> error(ctx, e.httpStatus(), e.errorCode(), e.getMessage()));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("Embedded schema registry failed on {} {}", ctx.method(), ctx.path(), e);
            error(ctx, 500, 50001, "Internal error: " + e);
        });
    }

    /** Parses a request body {@code {"schema": "...", "schemaType": "AVRO"}} into an Avro schema. */
    private static Schema postedSchema(Context ctx) {
        JsonNode request = requestJson(ctx);
        if (request == null || !request.path("schema").isTextual()) {
            throw new SchemaRegistryException(422, SchemaRegistryException.INVALID_SCHEMA,
                    "Request body needs a string field 'schema'");
        }
        String type = request.path("schemaType").asText(AVRO);
        if (!AVRO.equals(type)) {
            throw new SchemaRegistryException(422, SchemaRegistryException.INVALID_SCHEMA,
                    "schemaType " + type + " is not supported; this registry holds AVRO only");
        }
        if (!request.path("references").isMissingNode() && !request.path("references").isEmpty()) {
            throw new SchemaRegistryException(422, SchemaRegistryException.INVALID_SCHEMA,
                    "Schema references are not supported; inline the referenced types");
        }
        try {
            return new Schema.Parser().parse(request.get("schema").asText());
        } catch (RuntimeException e) {
            // Avro reports bad schemas as SchemaParseException, but an unknown type name as NullPointerException.
            throw new SchemaRegistryException(422, SchemaRegistryException.INVALID_SCHEMA,
                    "Invalid schema: " + e.getMessage());
        }
    }

    /** Parses a request body {@code {"compatibility": "FULL"}}. */
    private static CompatibilityLevel postedLevel(Context ctx) {
        JsonNode request = requestJson(ctx);
        if (request == null || !request.path("compatibility").isTextual()) {
            throw new SchemaRegistryException(422, SchemaRegistryException.INVALID_COMPATIBILITY_LEVEL,
                    "Request body needs a string field 'compatibility'");
        }
        return CompatibilityLevel.parse(request.get("compatibility").asText());
    }

    /** The request body as JSON (null when empty); 400 when it is not JSON. */
    private static JsonNode requestJson(Context ctx) {
        try {
            return JSON.readTree(ctx.body());
        } catch (JsonProcessingException e) {
            throw new SchemaRegistryException(400, 400, "Request body is not JSON: " + e.getOriginalMessage());
        }
    }

    private static void answerCompatibility(Context ctx, List<String> problems) {
        ObjectNode body = JSON.createObjectNode().put("is_compatible", problems.isEmpty());
        if (Boolean.parseBoolean(ctx.queryParam("verbose"))) {
            body.set("messages", JSON.valueToTree(problems));
        }
        answer(ctx, body);
    }

    private static ObjectNode levelJson(String field, CompatibilityLevel level) {
        return JSON.createObjectNode().put(field, level.name());
    }

    private static int schemaId(Context ctx) {
        String id = ctx.pathParam("id");
        try {
            return Integer.parseInt(id);
        } catch (NumberFormatException e) {
            throw new SchemaRegistryException(404, SchemaRegistryException.SCHEMA_NOT_FOUND,
                    "Schema " + id + " not found");
        }
    }

    private static int versionNumber(String version) {
        try {
            int number = Integer.parseInt(version);
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Falls through to the same answer as a non-positive number.
        }
        throw new SchemaRegistryException(422, SchemaRegistryException.INVALID_VERSION,
                "The specified version '" + version + "' is not a valid version id. Allowed values are between "
                        + "[1, 2^31-1] and the string \"latest\"");
    }

    private static ObjectNode versionJson(SchemaVersion version) {
        return JSON.createObjectNode()
                .put("subject", version.subject())
                .put("version", version.version())
                .put("id", version.id())
                .put("schema", version.schema().toString());
    }

    private static void answer(Context ctx, JsonNode body) {
        ctx.contentType(RestSchemaRegistryClient.CONTENT_TYPE).result(body.toString());
    }

    private static void error(Context ctx, int status, int errorCode, String message) {
        ctx.status(status);
        answer(ctx, JSON.createObjectNode().put("error_code", errorCode).put("message", message));
    }

    private static String urlHost(String host) {
        if (host.isEmpty() || "0.0.0.0".equals(host) || "::".equals(host)) {
            return "127.0.0.1";
        }
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
