package io.callface.serde;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * A schema registry held in memory, with Confluent's rules: ids are registry-wide and shared by equal schemas,
 * versions count from 1 per subject, registering an already registered schema returns its id, and a new version
 * must be compatible with the subject's versions under the subject's {@link CompatibilityLevel} (its own, or the
 * global one, BACKWARD unless changed): otherwise it is refused with 409.
 *
 * <p>{@code mock://scope} URLs resolve to {@link #forScope(String)}: one shared instance per scope name within the
 * JVM, like Confluent's {@code MockSchemaRegistry}, so a test's producer and consumer serdes meet. Thread-safe.
 */
public final class InMemorySchemaRegistryClient implements SchemaRegistryClient {

    private static final Map<String, InMemorySchemaRegistryClient> SCOPES = new ConcurrentHashMap<>();

    private final Map<String, Integer> idsBySchemaText = new HashMap<>();
    private final Map<Integer, Schema> schemasById = new HashMap<>();
    private final Map<String, List<SchemaVersion>> versionsBySubject = new LinkedHashMap<>();
    private final Map<String, CompatibilityLevel> levelsBySubject = new HashMap<>();
    private CompatibilityLevel globalLevel = CompatibilityLevel.BACKWARD;
    private int nextId = 1;

    /** A registry of its own, not reachable by any {@code mock://} scope. */
    public InMemorySchemaRegistryClient() {
    }

    /** The registry shared by every {@code mock://scope} user of this JVM. */
    public static InMemorySchemaRegistryClient forScope(String scope) {
        Objects.requireNonNull(scope, "scope");
        return SCOPES.computeIfAbsent(scope, s -> new InMemorySchemaRegistryClient());
    }

    /** Forgets the registry of {@code scope}; the next {@link #forScope(String)} starts an empty one. */
    public static void dropScope(String scope) {
        SCOPES.remove(scope);
    }

    @Override
    public synchronized int register(String subject, Schema schema) {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(schema, "schema");
        String text = schema.toString();
        List<SchemaVersion> versions = versionsBySubject.computeIfAbsent(subject, s -> new ArrayList<>());
        for (SchemaVersion existing : versions) {
            if (existing.schema().toString().equals(text)) {
                return existing.id();
            }
        }
        List<String> problems = incompatibilities(subject, schema, versions);
        if (!problems.isEmpty()) {
            throw new SchemaRegistryException(409, SchemaRegistryException.INCOMPATIBLE_SCHEMA,
                    "Schema being registered is incompatible with an earlier schema for subject \"" + subject
                            + "\", details: " + problems + " (compatibility " + compatibility(subject) + ")");
        }
        int id = idsBySchemaText.computeIfAbsent(text, t -> nextId++);
        schemasById.putIfAbsent(id, schema);
        versions.add(new SchemaVersion(subject, versions.size() + 1, id, schema));
        return id;
    }

    @Override
    public synchronized Schema schemaById(int id) {
        Schema schema = schemasById.get(id);
        if (schema == null) {
            throw new SchemaRegistryException(404, SchemaRegistryException.SCHEMA_NOT_FOUND,
                    "Schema " + id + " not found");
        }
        return schema;
    }

    @Override
    public synchronized List<String> subjects() {
        return List.copyOf(versionsBySubject.keySet());
    }

    @Override
    public synchronized SchemaVersion latest(String subject) {
        List<SchemaVersion> versions = versionsOf(subject);
        return versions.get(versions.size() - 1);
    }

    /** The version numbers of {@code subject}, oldest first. */
    public synchronized List<Integer> versions(String subject) {
        return versionsOf(subject).stream().map(SchemaVersion::version).toList();
    }

    /** Version {@code version} of {@code subject}. */
    public synchronized SchemaVersion version(String subject, int version) {
        List<SchemaVersion> versions = versionsOf(subject);
        if (version < 1 || version > versions.size()) {
            throw new SchemaRegistryException(404, SchemaRegistryException.VERSION_NOT_FOUND,
                    "Version " + version + " not found under subject '" + subject + "'");
        }
        return versions.get(version - 1);
    }

    /** The version of {@code subject} that holds {@code schema}, if it was registered there. */
    public synchronized Optional<SchemaVersion> lookup(String subject, Schema schema) {
        String text = schema.toString();
        return versionsOf(subject).stream().filter(v -> v.schema().toString().equals(text)).findFirst();
    }

    /** Every subject version that uses schema {@code id}. */
    public synchronized List<SchemaVersion> usagesOf(int id) {
        schemaById(id);
        return versionsBySubject.values().stream()
                .flatMap(List::stream)
                .filter(v -> v.id() == id)
                .toList();
    }

    /** The global compatibility level: subjects without their own follow it. */
    public synchronized CompatibilityLevel globalCompatibility() {
        return globalLevel;
    }

    public synchronized void setGlobalCompatibility(CompatibilityLevel level) {
        globalLevel = Objects.requireNonNull(level, "level");
    }

    /** The level {@code subject} has been given itself, if any. */
    public synchronized Optional<CompatibilityLevel> subjectCompatibility(String subject) {
        return Optional.ofNullable(levelsBySubject.get(subject));
    }

    /** Gives {@code subject} a level of its own; the subject need not have versions yet. */
    public synchronized void setSubjectCompatibility(String subject, CompatibilityLevel level) {
        levelsBySubject.put(Objects.requireNonNull(subject, "subject"), Objects.requireNonNull(level, "level"));
    }

    /**
     * Removes {@code subject}'s own level, which then follows the global one.
     *
     * @return the level it had
     * @throws SchemaRegistryException 404 / 40408 when it had none
     */
    public synchronized CompatibilityLevel deleteSubjectCompatibility(String subject) {
        CompatibilityLevel removed = levelsBySubject.remove(subject);
        if (removed == null) {
            throw SchemaRegistryException.noSubjectCompatibility(subject);
        }
        return removed;
    }

    /** The level that decides registrations under {@code subject}: its own, else the global one. */
    public synchronized CompatibilityLevel compatibility(String subject) {
        return levelsBySubject.getOrDefault(subject, globalLevel);
    }

    /**
     * Why {@code schema} could not be registered under {@code subject} now, checked against the versions its level
     * names; empty when it could (also for a subject without versions).
     */
    public synchronized List<String> incompatibilities(String subject, Schema schema) {
        return incompatibilities(subject, schema, versionsBySubject.getOrDefault(subject, List.of()));
    }

    /**
     * Why {@code schema} could not follow version {@code version} of {@code subject} under the subject's level
     * (transitive or not, only that version is checked); empty when it could.
     */
    public synchronized List<String> incompatibilitiesWith(String subject, int version, Schema schema) {
        return compatibility(subject).incompatibilities(schema, version(subject, version));
    }

    private List<String> incompatibilities(String subject, Schema schema, List<SchemaVersion> versions) {
        CompatibilityLevel level = compatibility(subject);
        return level.versionsToCheck(versions).stream()
                .flatMap(existing -> level.incompatibilities(schema, existing).stream())
                .toList();
    }

    private List<SchemaVersion> versionsOf(String subject) {
        List<SchemaVersion> versions = versionsBySubject.get(subject);
        if (versions == null || versions.isEmpty()) {
            throw new SchemaRegistryException(404, SchemaRegistryException.SUBJECT_NOT_FOUND,
                    "Subject '" + subject + "' not found");
        }
        return versions;
    }
}
