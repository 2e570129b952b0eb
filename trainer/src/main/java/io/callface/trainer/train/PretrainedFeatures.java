package io.callface.trainer.train;

import io.callface.model.ModelContract;
import io.callface.trainer.onnx.PretrainedFaceEncoder;
import java.util.ArrayList;
import java.util.List;

/**
 * A pretrained face network's features of every view of every training identity, computed once: the network is
 * frozen (the paper's VGG-Face), so the face stage reads them instead of running it at every step, and the voice
 * stage's target {@code v_f} is the canonical view's.
 */
final class PretrainedFeatures {
    private final List<float[][]> features;
    private final int dimension;

    private PretrainedFeatures(List<float[][]> features, int dimension) {
        this.features = features;
        this.dimension = dimension;
    }

    static PretrainedFeatures compute(PretrainedFaceEncoder network, List<IdentityImages> identities, int size) {
        float[] pixels = new float[ModelContract.IMAGE_CHANNELS * size * size];
        List<float[][]> features = new ArrayList<>();
        for (IdentityImages identity : identities) {
            float[][] views = new float[identity.viewCount()][];
            for (int v = 0; v < views.length; v++) {
                identity.copyView(v, pixels, 0);
                views[v] = network.feature(pixels);
            }
            features.add(views);
        }
        return new PretrainedFeatures(features, network.featureDim());
    }

    /** The features of view {@code views[i]} of identity class {@code batch[i]}, row by row. */
    float[] batch(int[] batch, int[] views) {
        float[] out = new float[batch.length * dimension];
        for (int i = 0; i < batch.length; i++) {
            System.arraycopy(features.get(batch[i])[views[i]], 0, out, i * dimension, dimension);
        }
        return out;
    }

    /** {@code v_f} of identity class {@code identity}: its canonical face's feature. */
    float[] canonical(int identity) {
        return features.get(identity)[0].clone();
    }

    int dimension() {
        return dimension;
    }
}
