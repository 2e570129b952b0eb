package io.callface.serde;

import java.util.Objects;
import org.apache.avro.Schema;

/**
 * One registered version of a subject.
 *
 * @param subject the subject name, e.g. {@code callface.audio-value}
 * @param version the 1-based version number within the subject
 * @param id      the registry-wide schema id written into the wire format
 * @param schema  the Avro schema
 */
public record SchemaVersion(String subject, int version, int id, Schema schema) {

    public SchemaVersion {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(schema, "schema");
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1, got " + version);
        }
        if (id < 0) {
            throw new IllegalArgumentException("id must be >= 0, got " + id);
        }
    }
}
