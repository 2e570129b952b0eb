package io.callface.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callface.avro.AudioChunk;
import io.callface.avro.ModelRelease;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;

class InMemorySchemaRegistryClientTest {

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();

    @Test
    void sameSchemaKeepsItsIdAcrossSubjectsAndRegistrations() {
        int first = registry.register("a-value", AudioChunk.getClassSchema());
        int again = registry.register("a-value", AudioChunk.getClassSchema());
        int elsewhere = registry.register("b-value", AudioChunk.getClassSchema());
        int other = registry.register("c-value", ModelRelease.getClassSchema());

        assertThat(again).isEqualTo(first);
        assertThat(elsewhere).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        assertThat(registry.versions("a-value")).containsExactly(1);
        assertThat(registry.usagesOf(first)).extracting(SchemaVersion::subject).containsExactly("a-value", "b-value");
        assertThat(registry.schemaById(other)).isEqualTo(ModelRelease.getClassSchema());
    }

    @Test
    void compatibleNewVersionBecomesLatest() {
        Schema v1 = SchemaBuilder.record("R").fields().requiredString("a").endRecord();
        Schema v2 = SchemaBuilder.record("R").fields().requiredString("a").name("b").type().intType().intDefault(3)
                .endRecord();

        int id1 = registry.register("r-value", v1);
        int id2 = registry.register("r-value", v2);

        assertThat(registry.latest("r-value")).isEqualTo(new SchemaVersion("r-value", 2, id2, v2));
        assertThat(registry.version("r-value", 1)).isEqualTo(new SchemaVersion("r-value", 1, id1, v1));
        assertThat(registry.lookup("r-value", v1)).map(SchemaVersion::version).contains(1);
        assertThat(registry.subjects()).containsExactly("r-value");
    }

    @Test
    void backwardIncompatibleVersionIsRefused() {
        Schema v1 = SchemaBuilder.record("R").fields().requiredString("a").endRecord();
        Schema v2 = SchemaBuilder.record("R").fields().requiredString("a").requiredInt("b").endRecord();
        registry.register("r-value", v1);

        assertThatThrownBy(() -> registry.register("r-value", v2))
                .isInstanceOfSatisfying(SchemaRegistryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.INCOMPATIBLE_SCHEMA))
                .hasMessageContaining("r-value");
        assertThat(registry.versions("r-value")).containsExactly(1);
    }

    @Test
    void aSubjectsOwnLevelDecidesItsRegistrationsUntilDeleted() {
        Schema v1 = SchemaBuilder.record("R").fields().requiredString("a").endRecord();
        Schema v2 = SchemaBuilder.record("R").fields().requiredString("a").requiredInt("b").endRecord();
        Schema v3 = SchemaBuilder.record("R").fields().requiredString("a").requiredInt("b").requiredInt("c").endRecord();
        registry.register("r-value", v1);

        registry.setSubjectCompatibility("r-value", CompatibilityLevel.FORWARD);
        registry.register("r-value", v2);
        assertThat(registry.compatibility("r-value")).isEqualTo(CompatibilityLevel.FORWARD);
        assertThat(registry.compatibility("other-value")).isEqualTo(CompatibilityLevel.BACKWARD);

        assertThat(registry.deleteSubjectCompatibility("r-value")).isEqualTo(CompatibilityLevel.FORWARD);
        assertThat(registry.subjectCompatibility("r-value")).isEmpty();
        assertThat(registry.incompatibilities("r-value", v3)).isNotEmpty();
        assertThatThrownBy(() -> registry.register("r-value", v3)).isInstanceOfSatisfying(SchemaRegistryException.class,
                e -> assertThat(e.httpStatus()).isEqualTo(409));
        assertThatThrownBy(() -> registry.deleteSubjectCompatibility("r-value"))
                .isInstanceOfSatisfying(SchemaRegistryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SUBJECT_LEVEL_COMPATIBILITY_NOT_CONFIGURED));

        registry.setGlobalCompatibility(CompatibilityLevel.NONE);
        registry.register("r-value", v3);
        assertThat(registry.versions("r-value")).containsExactly(1, 2, 3);
    }

    @Test
    void aTransitiveLevelChecksEveryEarlierVersion() {
        Schema v1 = SchemaBuilder.record("R").fields().requiredString("a").endRecord();
        Schema v2 = SchemaBuilder.record("R").fields().requiredString("a").name("b").type().intType().intDefault(0)
                .endRecord();
        Schema v3 = SchemaBuilder.record("R").fields().requiredString("a").requiredInt("b").endRecord();
        registry.register("r-value", v1);
        registry.register("r-value", v2);

        assertThat(registry.incompatibilities("r-value", v3)).as("BACKWARD: v3 reads v2").isEmpty();
        registry.setSubjectCompatibility("r-value", CompatibilityLevel.BACKWARD_TRANSITIVE);
        assertThat(registry.incompatibilities("r-value", v3)).as("but not v1").singleElement().asString()
                .contains("version 1");
        assertThat(registry.incompatibilitiesWith("r-value", 2, v3)).isEmpty();
    }

    @Test
    void unknownsAnswerWithConfluentErrorCodes() {
        registry.register("r-value", ModelRelease.getClassSchema());

        assertThatThrownBy(() -> registry.schemaById(99)).isInstanceOfSatisfying(SchemaRegistryException.class,
                e -> assertThat(e.errorCode()).isEqualTo(40403));
        assertThatThrownBy(() -> registry.latest("nope")).isInstanceOfSatisfying(SchemaRegistryException.class,
                e -> assertThat(e.errorCode()).isEqualTo(40401));
        assertThatThrownBy(() -> registry.version("r-value", 2)).isInstanceOfSatisfying(SchemaRegistryException.class,
                e -> assertThat(e.errorCode()).isEqualTo(40402));
    }

    @Test
    void mockUrlsOfOneScopeShareOneRegistry() {
        String scope = "shared-" + UUID.randomUUID();
        try {
            SchemaRegistryClient producerSide = SchemaRegistryClients.forUrl("mock://" + scope);
            SchemaRegistryClient consumerSide = SchemaRegistryClients.forUrl("mock://" + scope);
            SchemaRegistryClient otherScope = SchemaRegistryClients.forUrl("mock://" + scope + "-other");

            int id = producerSide.register("t-value", AudioChunk.getClassSchema());

            assertThat(consumerSide).isSameAs(producerSide);
            assertThat(consumerSide.schemaById(id)).isEqualTo(AudioChunk.getClassSchema());
            assertThat(otherScope.subjects()).isEmpty();
        } finally {
            InMemorySchemaRegistryClient.dropScope(scope);
            InMemorySchemaRegistryClient.dropScope(scope + "-other");
        }
    }

    @Test
    void restUrlsGiveARestClientTryingThemInOrder() {
        SchemaRegistryClient client = SchemaRegistryClients.forUrl("http://a:8081, https://b:8082/");

        assertThat(client).isInstanceOfSatisfying(RestSchemaRegistryClient.class,
                rest -> assertThat(rest.baseUrls()).extracting(Object::toString)
                        .containsExactly("http://a:8081", "https://b:8082"));
    }

    @Test
    void badUrlsAreNamed() {
        assertThatThrownBy(() -> SchemaRegistryClients.forUrl("ftp://x")).hasMessageContaining("ftp://x");
        assertThatThrownBy(() -> SchemaRegistryClients.forUrl(" , ")).hasMessageContaining("blank");
    }
}
