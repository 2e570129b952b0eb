package io.callface.audio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class G711EncoderTest {
    @Test
    void everyDecodedValueEncodesBackToItself() {
        for (int code = 0; code < 256; code++) {
            short mu = G711.muLawToLinear(code);
            short a = G711.aLawToLinear(code);
            assertThat(G711.muLawToLinear(G711Encoder.MU_LAW.encode(mu))).isEqualTo(mu);
            assertThat(G711.aLawToLinear(G711Encoder.A_LAW.encode(a))).isEqualTo(a);
        }
    }

    @Test
    void anyValueEncodesToTheNearestCode() {
        for (int linear = Short.MIN_VALUE; linear <= Short.MAX_VALUE; linear += 97) {
            int decoded = G711.muLawToLinear(G711Encoder.MU_LAW.encode((short) linear));
            for (int code = 0; code < 256; code++) {
                assertThat(Math.abs(decoded - linear)).isLessThanOrEqualTo(Math.abs(G711.muLawToLinear(code) - linear));
            }
        }
    }
}
