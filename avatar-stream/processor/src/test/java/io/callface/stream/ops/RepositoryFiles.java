package io.callface.stream.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Finds files at the repository root (docker/, helm/) from a module's test run, and parses YAML. */
public final class RepositoryFiles {
    static final ObjectMapper YAML = new YAMLMapper();

    private RepositoryFiles() {
    }

    /** The nearest ancestor of the working directory that holds {@code relative}. */
    public static Path find(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(relative);
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(relative + " not found above " + Path.of("").toAbsolutePath());
    }

    static JsonNode readYaml(Path file) throws IOException {
        return YAML.readTree(file.toFile());
    }

    /** Every non-empty document of a multi-document YAML stream (helm template's output). */
    static List<JsonNode> readAllYaml(String text) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (var parser = new YAMLFactory().createParser(text)) {
            var values = JsonMapper.builder().build().readValues(parser, JsonNode.class);
            while (values.hasNext()) {
                JsonNode document = values.next();
                if (document != null && !document.isNull() && !document.isMissingNode() && document.size() > 0) {
                    documents.add(document);
                }
            }
        }
        return documents;
    }
}
