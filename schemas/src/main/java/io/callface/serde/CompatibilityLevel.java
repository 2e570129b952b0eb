package io.callface.serde;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;

/**
 * Confluent Schema Registry's compatibility levels, decided by Avro's own {@link SchemaCompatibility}. BACKWARD: the
 * new schema reads what the checked versions wrote (consumers upgrade first); FORWARD: the checked versions read
 * what the new schema writes (producers upgrade first); FULL: both. A plain level checks the subject's latest
 * version, a {@code _TRANSITIVE} one every version; NONE checks nothing.
 */
public enum CompatibilityLevel {
    NONE(false, false, false),
    BACKWARD(true, false, false),
    BACKWARD_TRANSITIVE(true, false, true),
    FORWARD(false, true, false),
    FORWARD_TRANSITIVE(false, true, true),
    FULL(true, true, false),
    FULL_TRANSITIVE(true, true, true);

    private final boolean newReadsOld;
    private final boolean oldReadsNew;
    private final boolean transitive;

    CompatibilityLevel(boolean newReadsOld, boolean oldReadsNew, boolean transitive) {
        this.newReadsOld = newReadsOld;
        this.oldReadsNew = oldReadsNew;
        this.transitive = transitive;
    }

    /**
     * The level named {@code name}, ignoring case, as the registry's {@code PUT /config} takes it.
     *
     * @throws SchemaRegistryException 422 / 42203, Confluent's answer to an unknown level
     */
    public static CompatibilityLevel parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new SchemaRegistryException(422, SchemaRegistryException.INVALID_COMPATIBILITY_LEVEL,
                    "Invalid compatibility level. Valid values are none, backward, forward, full, "
                            + "backward_transitive, forward_transitive, and full_transitive");
        }
    }

    /** The versions a new schema is checked against: every one when transitive, else the latest; oldest first. */
    public List<SchemaVersion> versionsToCheck(List<SchemaVersion> versions) {
        if (this == NONE || versions.isEmpty()) {
            return List.of();
        }
        return transitive ? List.copyOf(versions) : List.of(versions.get(versions.size() - 1));
    }

    /**
     * Why {@code candidate} may not follow {@code existing} under this level, one line per Avro incompatibility
     * (type, message, location); empty when it may.
     */
    public List<String> incompatibilities(Schema candidate, SchemaVersion existing) {
        List<String> problems = new ArrayList<>();
        if (newReadsOld) {
            describe(SchemaCompatibility.checkReaderWriterCompatibility(candidate, existing.schema()), existing,
                    "the new schema cannot read what it wrote", problems);
        }
        if (oldReadsNew) {
            describe(SchemaCompatibility.checkReaderWriterCompatibility(existing.schema(), candidate), existing,
                    "it cannot read what the new schema writes", problems);
        }
        return problems;
    }

    private static void describe(SchemaCompatibility.SchemaPairCompatibility result, SchemaVersion existing,
                                 String direction, List<String> problems) {
        for (Incompatibility incompatibility : result.getResult().getIncompatibilities()) {
            problems.add("{errorType:'" + incompatibility.getType() + "', description:'" + direction + " (version "
                    + existing.version() + "): " + incompatibility.getMessage() + "', location:'"
                    + incompatibility.getLocation() + "'}");
        }
    }
}
