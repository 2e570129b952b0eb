package io.callface.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FaceLandmarksTest {
    @Test
    void anchorsOf68PointsAreTheEyeMeansTheNoseTipAndTheMouthCorners() {
        double[] xy = new double[2 * FaceLandmarks.FULL_SET];
        for (int i = 0; i < FaceLandmarks.FULL_SET; i++) {
            xy[2 * i] = i;
            xy[2 * i + 1] = 1000 + i;
        }
        double[][] anchors = new FaceLandmarks(xy).anchors();
        assertThat(anchors).isDeepEqualTo(new double[][] {
                {38.5, 1038.5}, {44.5, 1044.5}, {30, 1030}, {48, 1048}, {54, 1054}});
    }

    @Test
    void anchorsOf5PointsAreThePointsInOrder() {
        FaceLandmarks five = new FaceLandmarks(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
        assertThat(five.hasFullSet()).isFalse();
        assertThat(five.anchors()).isDeepEqualTo(new double[][] {{1, 2}, {3, 4}, {5, 6}, {7, 8}, {9, 10}});
    }

    @Test
    void theArrayIsCopiedInAndOut() {
        double[] xy = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        FaceLandmarks landmarks = new FaceLandmarks(xy);
        xy[0] = 99;
        landmarks.xy()[1] = 99;
        assertThat(landmarks.xy()).startsWith(1, 2);
    }

    @Test
    void otherCountsAndNonFiniteValuesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new FaceLandmarks(new double[12]));
        assertThrows(IllegalArgumentException.class, () -> new FaceLandmarks(null));
        double[] infinite = new double[10];
        infinite[7] = Double.POSITIVE_INFINITY;
        assertThat(assertThrows(IllegalArgumentException.class, () -> new FaceLandmarks(infinite)).getMessage())
                .contains("xy[7]");
    }
}
