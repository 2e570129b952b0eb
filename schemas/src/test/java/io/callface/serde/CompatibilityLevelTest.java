package io.callface.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CompatibilityLevelTest {
    private static final Schema A = SchemaBuilder.record("R").fields().requiredString("a").endRecord();
    /** A plus an optional field: every level accepts it after A. */
    private static final Schema A_OPTIONAL_B = SchemaBuilder.record("R").fields().requiredString("a")
            .optionalString("b").endRecord();
    /** A plus a field without a default: a new reader cannot fill it from A's data. */
    private static final Schema A_REQUIRED_B = SchemaBuilder.record("R").fields().requiredString("a")
            .requiredString("b").endRecord();
    /** A without its field: an old reader cannot fill "a" from its data. */
    private static final Schema EMPTY = SchemaBuilder.record("R").fields().endRecord();

    private static SchemaVersion version(int number, Schema schema) {
        return new SchemaVersion("r-value", number, number, schema);
    }

    @ParameterizedTest
    @EnumSource(CompatibilityLevel.class)
    void anOptionalFieldIsAcceptedAtEveryLevel(CompatibilityLevel level) {
        assertThat(level.incompatibilities(A_OPTIONAL_B, version(1, A))).isEmpty();
    }

    @Test
    void aFieldWithoutDefaultBreaksBackwardButNotForward() {
        assertThat(CompatibilityLevel.BACKWARD.incompatibilities(A_REQUIRED_B, version(1, A)))
                .singleElement().asString().contains("READER_FIELD_MISSING_DEFAULT_VALUE", "version 1", "b");
        assertThat(CompatibilityLevel.FORWARD.incompatibilities(A_REQUIRED_B, version(1, A))).isEmpty();
        assertThat(CompatibilityLevel.FULL.incompatibilities(A_REQUIRED_B, version(1, A))).hasSize(1);
        assertThat(CompatibilityLevel.NONE.incompatibilities(A_REQUIRED_B, version(1, A))).isEmpty();
    }

    @Test
    void removingAFieldWithoutDefaultBreaksForwardButNotBackward() {
        assertThat(CompatibilityLevel.BACKWARD.incompatibilities(EMPTY, version(1, A))).isEmpty();
        assertThat(CompatibilityLevel.FORWARD.incompatibilities(EMPTY, version(1, A)))
                .singleElement().asString().contains("READER_FIELD_MISSING_DEFAULT_VALUE", "cannot read what the new schema writes");
        assertThat(CompatibilityLevel.FULL_TRANSITIVE.incompatibilities(EMPTY, version(1, A))).hasSize(1);
    }

    @Test
    void transitiveLevelsCheckEveryVersionOthersOnlyTheLatest() {
        List<SchemaVersion> versions = List.of(version(1, A), version(2, A_OPTIONAL_B), version(3, A_REQUIRED_B));

        assertThat(CompatibilityLevel.BACKWARD.versionsToCheck(versions)).extracting(SchemaVersion::version).containsExactly(3);
        assertThat(CompatibilityLevel.BACKWARD_TRANSITIVE.versionsToCheck(versions)).extracting(SchemaVersion::version)
                .containsExactly(1, 2, 3);
        assertThat(CompatibilityLevel.NONE.versionsToCheck(versions)).isEmpty();
        assertThat(CompatibilityLevel.FULL.versionsToCheck(List.of())).isEmpty();
    }

    @Test
    void parsesConfluentNamesInAnyCaseAndRefusesOthersWith42203() {
        assertThat(CompatibilityLevel.parse("backward_transitive")).isEqualTo(CompatibilityLevel.BACKWARD_TRANSITIVE);
        assertThat(CompatibilityLevel.parse(" FULL ")).isEqualTo(CompatibilityLevel.FULL);

        assertThatThrownBy(() -> CompatibilityLevel.parse("sideways")).isInstanceOfSatisfying(SchemaRegistryException.class,
                e -> {
                    assertThat(e.httpStatus()).isEqualTo(422);
                    assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.INVALID_COMPATIBILITY_LEVEL);
                });
    }
}
