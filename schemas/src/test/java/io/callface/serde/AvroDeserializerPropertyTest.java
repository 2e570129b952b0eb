package io.callface.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.callface.avro.AudioChunk;
import io.callface.avro.AvatarEvent;
import io.callface.avro.ModelRelease;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.kafka.common.errors.SerializationException;

/** Whatever bytes arrive, the deserializer answers with a record or a SerializationException, nothing else. */
class AvroDeserializerPropertyTest {

    private static final InMemorySchemaRegistryClient REGISTRY = new InMemorySchemaRegistryClient();
    private static final int AUDIO_ID = REGISTRY.register("audio-value", AudioChunk.getClassSchema());
    private static final int AVATAR_ID = REGISTRY.register("avatar-value", AvatarEvent.getClassSchema());
    private static final int RELEASE_ID = REGISTRY.register("release-value", ModelRelease.getClassSchema());

    @Property(tries = 2000)
    void arbitraryBytesNeverCrashTheDeserializer(@ForAll("anyBytes") byte[] data) {
        assertOnlySerializationExceptions(data);
    }

    @Property(tries = 3000)
    void randomBodiesBehindValidHeadersNeverCrashTheDeserializer(@ForAll("framedRandomBodies") byte[] data) {
        assertOnlySerializationExceptions(data);
    }

    @Property(tries = 1000)
    void corruptedValidRecordsNeverCrashTheDeserializer(@ForAll("corruptedRecords") byte[] data) {
        assertOnlySerializationExceptions(data);
    }

    private static void assertOnlySerializationExceptions(byte[] data) {
        for (Class<? extends org.apache.avro.specific.SpecificRecord> type
                : java.util.List.of(AudioChunk.class, AvatarEvent.class, ModelRelease.class)) {
            try {
                assertThat(new AvroDeserializer<>(REGISTRY, type).deserialize("fuzz", data)).isNotNull();
            } catch (SerializationException expected) {
                assertThat(expected).hasMessageContaining("fuzz");
            }
        }
    }

    @Provide
    Arbitrary<byte[]> anyBytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(64);
    }

    @Provide
    Arbitrary<byte[]> framedRandomBodies() {
        Arbitrary<Integer> ids = Arbitraries.of(AUDIO_ID, AVATAR_ID, RELEASE_ID);
        Arbitrary<byte[]> bodies = Arbitraries.bytes().array(byte[].class).ofMaxSize(400);
        return ids.flatMap(id -> bodies.map(body -> ConfluentWireFormat.encode(id, body)));
    }

    @Provide
    Arbitrary<byte[]> corruptedRecords() {
        byte[] valid = new AvroSerializer<>(REGISTRY, AvatarEvent.class).serialize("avatar",
                SampleRecords.avatarEvent());
        Arbitrary<Integer> positions = Arbitraries.integers().between(ConfluentWireFormat.HEADER_LENGTH,
                valid.length - 1);
        return Arbitraries.bytes().flatMap(value -> positions.map(position -> {
            byte[] corrupted = valid.clone();
            corrupted[position] = value;
            return corrupted;
        }));
    }
}
