package io.callface.serde;

import java.util.List;
import org.apache.avro.Schema;

/**
 * The part of a Confluent-compatible schema registry that callface's serdes use. Implementations cache both
 * directions (schema to id per subject, id to schema), so a serde calls them per record without a round trip.
 * Obtain one with {@link SchemaRegistryClients#forUrl(String)}.
 *
 * <p>Failures are reported as {@link SchemaRegistryException} carrying the HTTP status and registry error code.
 */
public interface SchemaRegistryClient {

    /** Registers {@code schema} under {@code subject} (idempotent) and returns its registry-wide id. */
    int register(String subject, Schema schema);

    /** The schema registered under {@code id}. */
    Schema schemaById(int id);

    /** All subjects, in the registry's order. */
    List<String> subjects();

    /** The newest version of {@code subject}. */
    SchemaVersion latest(String subject);
}
