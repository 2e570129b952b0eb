package io.callface.stream.loadtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * One scrape of an avatar-stream instance's Prometheus endpoint ({@code /metrics}), as a map from
 * {@code name{labels}} to value.
 */
public record MetricsScrape(Map<String, Double> values) {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public MetricsScrape {
        values = Map.copyOf(values);
    }

    public static MetricsScrape of(int httpPort) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/metrics"))
                .timeout(Duration.ofSeconds(10)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET /metrics on port " + httpPort + " answered " + response.statusCode());
            }
            return parse(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot scrape /metrics on port " + httpPort + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while scraping /metrics", e);
        }
    }

    static MetricsScrape parse(String text) {
        Map<String, Double> values = new HashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            try {
                values.put(line.substring(0, space).replace(",}", "}"), Double.parseDouble(line.substring(space + 1)));
            } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
                // Not a sample line (a Prometheus exposition may carry other lines): skip it.
            }
        }
        return new MetricsScrape(values);
    }

    /** The sum of every series of {@code name} whose labels contain {@code labelFragment} (e.g. {@code reason="duplicate"}). */
    public double sum(String name, String labelFragment) {
        return values.entrySet().stream()
                .filter(e -> e.getKey().equals(name) || e.getKey().startsWith(name + "{"))
                .filter(e -> labelFragment.isEmpty() || e.getKey().contains(labelFragment))
                .mapToDouble(Map.Entry::getValue).sum();
    }
}
