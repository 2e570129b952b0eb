package io.callface.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NpyWriterTest {
    /** Parses an .npy v1.0 file as NumPy would: magic, header dict, then little-endian float32 data. */
    record Npy(String header, float[] data) {
        static Npy parse(byte[] file) {
            assertThat(file[0]).isEqualTo((byte) 0x93);
            assertThat(new String(file, 1, 5, StandardCharsets.US_ASCII)).isEqualTo("NUMPY");
            assertThat(file[6]).isEqualTo((byte) 1);
            assertThat(file[7]).isEqualTo((byte) 0);
            int headerLength = (file[8] & 0xFF) | (file[9] & 0xFF) << 8;
            int dataStart = 10 + headerLength;
            assertThat(dataStart % 64).as("data alignment").isZero();
            assertThat(file[dataStart - 1]).isEqualTo((byte) '\n');
            String header = new String(file, 10, headerLength, StandardCharsets.US_ASCII).trim();
            ByteBuffer body = ByteBuffer.wrap(file, dataStart, file.length - dataStart).order(ByteOrder.LITTLE_ENDIAN);
            float[] data = new float[body.remaining() / 4];
            body.asFloatBuffer().get(data);
            return new Npy(header, data);
        }
    }

    private static byte[] write(float[] data, int... shape) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        NpyWriter.write(out, data, shape);
        return out.toByteArray();
    }

    @Test
    void writesHeaderAndDataInCOrder() throws IOException {
        float[] data = new float[2 * 3 * 4];
        for (int i = 0; i < data.length; i++) {
            data[i] = i * 0.5f - 3f;
        }
        Npy npy = Npy.parse(write(data, 2, 3, 4));
        assertThat(npy.header()).isEqualTo("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3, 4), }");
        assertThat(npy.data()).containsExactly(data);
    }

    @Test
    void oneDimensionalShapesUseATrailingComma() throws IOException {
        assertThat(Npy.parse(write(new float[] {1f, 2f}, 2)).header()).contains("'shape': (2,)");
        assertThat(Npy.parse(write(new float[70_000], 70_000)).data()).hasSize(70_000);
    }

    @Test
    void rejectsShapesThatDoNotHoldTheData() {
        assertThatThrownBy(() -> write(new float[5], 2, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("shape: [2, 3] holds 6 elements but data has 5");
    }
}
