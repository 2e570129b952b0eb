package io.callface.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class ConfluentWireFormatTest {

    @Test
    void encodesMagicByteBigEndianIdAndBody() {
        byte[] framed = ConfluentWireFormat.encode(0x01020304, new byte[] {9, 8, 7});

        assertThat(framed).containsExactly(0x00, 0x01, 0x02, 0x03, 0x04, 9, 8, 7);
    }

    @Test
    void readsBackIdAndBody() {
        byte[] framed = ConfluentWireFormat.encode(0xCAFEBABE, new byte[] {42});

        assertThat(ConfluentWireFormat.schemaId(framed)).isEqualTo(0xCAFEBABE);
        assertThat(ConfluentWireFormat.body(framed)).containsExactly(42);
    }

    @Test
    void headerOnlyHasEmptyBody() {
        assertThat(ConfluentWireFormat.body(new byte[] {0, 0, 0, 0, 7})).isEmpty();
        assertThat(ConfluentWireFormat.schemaId(new byte[] {0, 0, 0, 0, 7})).isEqualTo(7);
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> ConfluentWireFormat.schemaId(null))
                .isInstanceOf(SerializationException.class).hasMessageContaining("null");
    }

    @Test
    void rejectsInputShorterThanHeader() {
        assertThatThrownBy(() -> ConfluentWireFormat.schemaId(new byte[] {0, 0, 1}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("3 bytes");
    }

    @Test
    void rejectsWrongMagicByteNamingIt() {
        assertThatThrownBy(() -> ConfluentWireFormat.body(new byte[] {(byte) 0xC3, 1, 0, 0, 0, 1}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("0xc3");
    }
}
