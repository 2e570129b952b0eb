package io.callface.serde;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Picks the {@link SchemaRegistryClient} a {@code schema.registry.url} names. */
public final class SchemaRegistryClients {

    /** URL scheme of the in-JVM test registry, {@code mock://scope}. */
    public static final String MOCK_SCHEME = "mock://";
    /** Request timeout when none is configured. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private SchemaRegistryClients() {
    }

    /** As {@link #forUrl(String, Optional, Duration)} without basic auth and with the default timeout. */
    public static SchemaRegistryClient forUrl(String url) {
        return forUrl(url, Optional.empty(), DEFAULT_REQUEST_TIMEOUT);
    }

    /**
     * The shared {@link InMemorySchemaRegistryClient} of scope {@code x} for {@code mock://x}; otherwise a
     * {@link RestSchemaRegistryClient} over the comma-separated http(s) URLs, tried in order.
     *
     * @throws IllegalArgumentException naming the URL when it is blank, mixes mock with REST, or is not http(s)
     */
    public static SchemaRegistryClient forUrl(String url, Optional<String> basicAuthUserInfo, Duration requestTimeout) {
        Objects.requireNonNull(url, "url");
        List<String> urls = Arrays.stream(url.split(",")).map(String::trim).filter(u -> !u.isEmpty()).toList();
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("schema registry url is blank: '" + url + "'");
        }
        if (urls.get(0).startsWith(MOCK_SCHEME)) {
            if (urls.size() > 1) {
                throw new IllegalArgumentException("a mock:// schema registry url names one scope, got '" + url + "'");
            }
            return InMemorySchemaRegistryClient.forScope(urls.get(0).substring(MOCK_SCHEME.length()));
        }
        return new RestSchemaRegistryClient(urls.stream().map(SchemaRegistryClients::httpUri).toList(),
                basicAuthUserInfo, requestTimeout);
    }

    private static URI httpUri(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("schema registry url '" + url + "' is not a URI: " + e.getMessage(), e);
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())
                || uri.getHost() == null) {
            throw new IllegalArgumentException("schema registry url '" + url
                    + "' must be http(s)://host[:port] or mock://scope");
        }
        return uri;
    }
}
