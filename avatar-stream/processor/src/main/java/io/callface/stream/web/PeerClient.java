package io.callface.stream.web;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Asks another avatar-stream instance for what its own store holds ({@code ?local=true}, so the answer never
 * bounces on). A peer that cannot be reached makes the request fail with {@link StoreUnavailableException}.
 */
final class PeerClient {
    /** Query parameter asking an instance to answer from its own store only. */
    static final String LOCAL_ONLY = "local";

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final ObjectMapper json;

    PeerClient(ObjectMapper json) {
        this.json = json;
    }

    /** A response relayed from the peer. */
    record Relayed(int status, String contentType, byte[] body) {
    }

    Relayed get(HostInfo peer, String path) {
        URI uri = URI.create("http://" + peer.host() + ":" + peer.port() + path + "?" + LOCAL_ONLY + "=true");
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Relayed(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse("application/octet-stream"), response.body());
        } catch (IOException e) {
            throw new StoreUnavailableException("instance " + peer + " cannot be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while asking instance " + peer, e);
        }
    }

    /** The peer's JSON answer (status 200) as {@code type}; a 404 is empty. */
    <T> T getJson(HostInfo peer, String path, TypeReference<T> type, T whenNotFound) {
        Relayed relayed = get(peer, path);
        if (relayed.status() == 404) {
            return whenNotFound;
        }
        if (relayed.status() != 200) {
            throw new StoreUnavailableException("instance " + peer + " answered " + relayed.status() + " for " + path);
        }
        try {
            return json.readValue(relayed.body(), type);
        } catch (IOException e) {
            throw new StoreUnavailableException("instance " + peer + " sent unreadable JSON for " + path, e);
        }
    }
}
