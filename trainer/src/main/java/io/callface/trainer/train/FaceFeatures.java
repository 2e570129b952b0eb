package io.callface.trainer.train;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.callface.model.ModelContract;
import io.callface.trainer.nn.Speech2FaceNetworks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * True face features {@code v_f}: the (frozen) face encoder in inference mode on each identity's canonical
 * face (frontal, neutral, evenly lit; the manifest's {@code face}), never on a rendering, so the voice stage's
 * target is one fixed feature per identity.
 */
final class FaceFeatures {
    private FaceFeatures() {
    }

    static Map<String, float[]> compute(Speech2FaceNetworks networks, List<FaceSample> faces) {
        int size = networks.preset().imageSize();
        int imageFloats = ModelContract.IMAGE_CHANNELS * size * size;
        Map<String, float[]> features = new LinkedHashMap<>();
        for (FaceSample face : faces) {
            float[] image = new float[imageFloats];
            face.copyImage(image, 0);
            try (NDManager m = networks.manager().newSubManager()) {
                features.put(face.identity(), networks.faceEncoder()
                        .forward(new ParameterStore(m, false), m.create(image, new Shape(1, 3, size, size)), false)
                        .toFloatArray());
            }
        }
        return features;
    }
}
