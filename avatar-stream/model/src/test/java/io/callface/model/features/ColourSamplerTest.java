package io.callface.model.features;

import static io.callface.model.features.SyntheticFace.SIZE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ColourSamplerTest {

    @Test
    void samplesTheColourPaintedInEachRegion() {
        float[] image = SyntheticFace.image();
        // Both eyes the same colour here, so the eye mean is that colour exactly.
        for (int row = 12; row < 16; row++) {
            for (int col = 24; col < 32; col++) {
                SyntheticFace.paint(image, row, col, SyntheticFace.LEFT_EYE);
            }
        }

        FaceColourSet colours = ColourSampler.sample(image, SIZE, SIZE, SyntheticFace.landmarks());

        assertThat(colours).isEqualTo(new FaceColourSet(SyntheticFace.hex(SyntheticFace.SKIN),
                SyntheticFace.hex(SyntheticFace.HAIR), SyntheticFace.hex(SyntheticFace.LIPS),
                SyntheticFace.hex(SyntheticFace.LEFT_EYE)));
    }

    @Test
    void averagesBothEyesWhichHaveTheSameArea() {
        FaceColourSet colours = ColourSampler.sample(SyntheticFace.image(), SIZE, SIZE, SyntheticFace.landmarks());

        // (20, 60, 160) and (20, 160, 60) over 32 pixels each
        assertThat(colours.eyes()).isEqualTo("#146e6e");
    }

    @Test
    void clampsOutOfRangePixelsBeforeAveraging() {
        float[] image = SyntheticFace.image();
        for (int row = 28; row < 32; row++) {
            for (int col = 14; col < 26; col++) {
                image[row * SIZE + col] = 3f;
                image[(SIZE + row) * SIZE + col] = -1f;
                image[(2 * SIZE + row) * SIZE + col] = 0.5f;
            }
        }

        assertThat(ColourSampler.sample(image, SIZE, SIZE, SyntheticFace.landmarks()).lips()).isEqualTo("#ff0080");
    }

    @Test
    void aRegionWithoutPixelCentresTakesTheNearestPixel() {
        float[] landmarks = SyntheticFace.landmarks();
        // Lips shrunk to a 0.3 px square around (20.1, 30.1): no pixel centre inside, nearest is column 20, row 30.
        for (int i = 0; i < 12; i++) {
            double angle = 2 * Math.PI * i / 12;
            landmarks[2 * (48 + i)] = (float) ((20.1 + 0.15 * Math.cos(angle)) / SIZE);
            landmarks[2 * (48 + i) + 1] = (float) ((30.1 + 0.15 * Math.sin(angle)) / SIZE);
        }
        float[] image = SyntheticFace.image();
        int[] marker = {1, 2, 3};
        SyntheticFace.paint(image, 30, 20, marker);

        assertThat(ColourSampler.sample(image, SIZE, SIZE, landmarks).lips()).isEqualTo(SyntheticFace.hex(marker));
    }

    @Test
    void rejectsANaNLandmarkNamingTheRegion() {
        float[] landmarks = SyntheticFace.landmarks();
        landmarks[2 * 50] = Float.NaN;

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ColourSampler.sample(SyntheticFace.image(), SIZE, SIZE, landmarks));

        assertThat(e.getMessage()).contains("landmark 50").contains("lips");
    }

    @Test
    void rejectsNaNPixelsInARegion() {
        float[] image = SyntheticFace.image();
        Arrays.fill(image, 0, SIZE * 5, Float.NaN);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ColourSampler.sample(image, SIZE, SIZE, SyntheticFace.landmarks()));

        assertThat(e.getMessage()).contains("hair");
    }

    @Test
    void rejectsAnImageOfTheWrongSize() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ColourSampler.sample(new float[10], SIZE, SIZE, SyntheticFace.landmarks()));

        assertThat(e.getMessage()).contains("imageChw").contains("4800");
    }
}
