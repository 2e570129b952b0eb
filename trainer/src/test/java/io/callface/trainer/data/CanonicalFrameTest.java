package io.callface.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.callface.trainer.synth.FaceRenderer;
import io.callface.trainer.synth.Population;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CanonicalFrameTest {
    private static final int IDENTITIES = 300;
    /** The anchors vary by at most 0.010 (sd) across identities: the mean of 300 is good to about 0.001. */
    private static final double TOLERANCE = 0.01;

    @Test
    void theConstantsAreTheMeanAnchorsOfTheSyntheticCanonicalFaces() {
        // Landmarks are in [0,1] whatever the size, so the smallest rendering is enough.
        FaceRenderer renderer = new FaceRenderer(FaceRenderer.MIN_SIZE);
        Random random = new Random(7);
        double[][] mean = new double[FaceLandmarks.ANCHORS][2];
        for (int n = 0; n < IDENTITIES; n++) {
            float[] landmarks = renderer.render(Population.sample(random)).landmarks136();
            double[] xy = new double[landmarks.length];
            for (int i = 0; i < xy.length; i++) {
                xy[i] = landmarks[i];
            }
            double[][] anchors = new FaceLandmarks(xy).anchors();
            for (int a = 0; a < FaceLandmarks.ANCHORS; a++) {
                mean[a][0] += anchors[a][0] / IDENTITIES;
                mean[a][1] += anchors[a][1] / IDENTITIES;
            }
        }
        double[][] constants = {
                {CanonicalFrame.LEFT_EYE_X, CanonicalFrame.LEFT_EYE_Y},
                {CanonicalFrame.RIGHT_EYE_X, CanonicalFrame.RIGHT_EYE_Y},
                {CanonicalFrame.NOSE_TIP_X, CanonicalFrame.NOSE_TIP_Y},
                {CanonicalFrame.LEFT_MOUTH_X, CanonicalFrame.LEFT_MOUTH_Y},
                {CanonicalFrame.RIGHT_MOUTH_X, CanonicalFrame.RIGHT_MOUTH_Y}};
        for (int a = 0; a < FaceLandmarks.ANCHORS; a++) {
            assertThat(constants[a][0]).as("anchor %d x", a).isCloseTo(mean[a][0], within(TOLERANCE));
            assertThat(constants[a][1]).as("anchor %d y", a).isCloseTo(mean[a][1], within(TOLERANCE));
        }
    }

    @Test
    void anchorsScaleTheConstantsToTheCropSize() {
        double[][] anchors = CanonicalFrame.anchors(200);
        assertThat(anchors[0]).containsExactly(CanonicalFrame.LEFT_EYE_X * 200, CanonicalFrame.LEFT_EYE_Y * 200);
        assertThat(anchors[4]).containsExactly(CanonicalFrame.RIGHT_MOUTH_X * 200, CanonicalFrame.RIGHT_MOUTH_Y * 200);
    }
}
