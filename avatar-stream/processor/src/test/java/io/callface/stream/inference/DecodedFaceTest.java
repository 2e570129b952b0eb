package io.callface.stream.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DecodedFaceTest {

    @Test
    void copiesArraysInAndOut() {
        float[] image = new float[3 * 2 * 2];
        float[] landmarks = new float[136];
        DecodedFace face = new DecodedFace(image, 2, 2, landmarks);

        image[0] = 1;
        landmarks[0] = 1;
        face.imageChw()[1] = 1;
        face.landmarks()[1] = 1;

        assertThat(face.imageChw()).containsOnly(0f);
        assertThat(face.landmarks()).containsOnly(0f);
    }

    @Test
    void rejectsLengthsThatDoNotMatchTheSize() {
        assertThat(assertThrows(IllegalArgumentException.class,
                () -> new DecodedFace(new float[11], 2, 2, new float[136])).getMessage()).contains("imageChw");
        assertThat(assertThrows(IllegalArgumentException.class,
                () -> new DecodedFace(new float[12], 2, 2, new float[134])).getMessage()).contains("landmarks");
        assertThrows(IllegalArgumentException.class, () -> new DecodedFace(new float[0], 0, 2, new float[136]));
    }
}
