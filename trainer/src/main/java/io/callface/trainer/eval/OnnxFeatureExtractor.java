package io.callface.trainer.eval;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.callface.model.ModelContract;
import io.callface.trainer.onnx.ModelDirectory;
import io.callface.trainer.onnx.OrtFeatures;

/**
 * Runs an exported model directory's voice encoder and face encoder in ONNX Runtime, so evaluation measures
 * exactly the files that ship. One session per file, closed by {@link #close()}.
 */
public final class OnnxFeatureExtractor implements AutoCloseable {
    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession voiceEncoder;
    private final OrtSession faceEncoder;
    private final int imageSize;

    public OnnxFeatureExtractor(ModelDirectory model) {
        this.imageSize = model.manifest().imageHeight();
        try {
            this.voiceEncoder = env.createSession(model.encoder().toString(), new OrtSession.SessionOptions());
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load " + model.encoder() + ": " + e.getMessage(), e);
        }
        try {
            this.faceEncoder = env.createSession(model.faceEncoder().toString(), new OrtSession.SessionOptions());
        } catch (OrtException e) {
            closeQuietly(voiceEncoder);
            throw new IllegalStateException("cannot load " + model.faceEncoder() + ": " + e.getMessage(), e);
        }
    }

    /** {@code v_s} of one spectrogram {@code [2, T, 257]} (channel-major, as Spectrogram writes it). */
    public float[] voiceFeature(float[] spectrogram) {
        int frames = spectrogram.length / (ModelContract.SPECTROGRAM_CHANNELS * ModelContract.SPECTROGRAM_BINS);
        long[] shape = {1, ModelContract.SPECTROGRAM_CHANNELS, frames, ModelContract.SPECTROGRAM_BINS};
        return OrtFeatures.run(env, voiceEncoder, ModelContract.SPECTROGRAM, spectrogram, shape);
    }

    /** {@code v_f} of one face image {@code [3, H, W]} in [0, 1]. */
    public float[] faceFeature(float[] image) {
        long[] shape = {1, ModelContract.IMAGE_CHANNELS, imageSize, imageSize};
        return OrtFeatures.run(env, faceEncoder, ModelDirectory.FACE_ENCODER_INPUT, image, shape);
    }


    @Override
    public void close() {
        closeQuietly(faceEncoder);
        closeQuietly(voiceEncoder);
    }

    private static void closeQuietly(OrtSession session) {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("cannot close ONNX Runtime session", e);
        }
    }
}
