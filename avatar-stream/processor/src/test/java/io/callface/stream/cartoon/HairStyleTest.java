package io.callface.stream.cartoon;

import static org.assertj.core.api.Assertions.assertThat;

import io.callface.avro.HairLengthClass;
import org.junit.jupiter.api.Test;

class HairStyleTest {
    @Test
    void shortHairIsCutBySexAndLongerHairFallsBesideTheFace() {
        assertThat(HairStyle.of(HairLengthClass.SHORT, 0.8)).isEqualTo(HairStyle.SIDE_PART);
        assertThat(HairStyle.of(HairLengthClass.SHORT, 0.2)).isEqualTo(HairStyle.PIXIE);
        assertThat(HairStyle.of(HairLengthClass.BUZZ, 0.2)).isEqualTo(HairStyle.BUZZ);
        assertThat(HairStyle.of(HairLengthClass.CHIN, 0.9)).isEqualTo(HairStyle.CURTAINS);
        assertThat(HairStyle.of(HairLengthClass.LONG, 0.1)).isEqualTo(HairStyle.CURTAINS);
    }
}
