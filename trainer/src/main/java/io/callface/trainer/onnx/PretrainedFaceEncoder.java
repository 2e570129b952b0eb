package io.callface.trainer.onnx;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.google.protobuf.InvalidProtocolBufferException;
import io.callface.model.ModelContract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A pretrained face network (the paper's VGG-Face) in ONNX Runtime, wrapped into the face-encoder contract by
 * {@link FaceEncoderImport}: features {@code v_f} of canonical crops, computed by the network exactly as the
 * wrapped model that goes into the model directory computes them. One session, closed by {@link #close()}.
 */
public final class PretrainedFaceEncoder implements AutoCloseable {
    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final ModelProto contractModel;
    private final OrtSession session;
    private final int cropSize;
    private final int featureDim;

    private PretrainedFaceEncoder(ModelProto contractModel, OrtSession session, int cropSize) {
        this.contractModel = contractModel;
        this.session = session;
        this.cropSize = cropSize;
        this.featureDim = feature(new float[ModelContract.IMAGE_CHANNELS * cropSize * cropSize]).length;
    }

    /** Loads and wraps {@code file} for crops of {@code cropSize} pixels; errors name the file and what is wrong. */
    public static PretrainedFaceEncoder load(Path file, Optional<String> input, Optional<String> output,
            FaceEncoderImport.Preprocessing preprocessing, int cropSize) {
        ModelProto network;
        try {
            network = ModelProto.parseFrom(Files.readAllBytes(file));
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("face network " + file + ": not an ONNX model (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("face network " + file + ": " + e.getMessage(), e);
        }
        FaceEncoderImport.Imported imported;
        try {
            imported = FaceEncoderImport.wrap(network, input, output, preprocessing, cropSize);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("face network " + file + ": " + e.getMessage(), e);
        }
        return open(imported.model(), cropSize, "face network " + file);
    }

    /** A network already in the contract (a {@link #contractModel()} saved beside checkpoints). */
    public static PretrainedFaceEncoder fromContract(ModelProto contractModel, int cropSize) {
        return open(contractModel, cropSize, "saved face network");
    }

    private static PretrainedFaceEncoder open(ModelProto contractModel, int cropSize, String what) {
        OrtSession session;
        try {
            session = OrtEnvironment.getEnvironment().createSession(contractModel.toByteArray(),
                    new OrtSession.SessionOptions());
        } catch (OrtException e) {
            throw new IllegalArgumentException(what + ": ONNX Runtime cannot load it wrapped (" + e.getMessage() + ")",
                    e);
        }
        try {
            return new PretrainedFaceEncoder(contractModel, session, cropSize);
        } catch (IllegalStateException e) {
            closeQuietly(session);
            throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
        }
    }

    /** D, the width of the network's feature. */
    public int featureDim() {
        return featureDim;
    }

    /** The wrapped model, which the model directory ships as its face encoder. */
    public ModelProto contractModel() {
        return contractModel;
    }

    /** {@code v_f} of one crop {@code [3, S, S]} RGB in [0, 1]. */
    public float[] feature(float[] crop) {
        long[] shape = {1, ModelContract.IMAGE_CHANNELS, cropSize, cropSize};
        return OrtFeatures.run(env, session, ModelDirectory.FACE_ENCODER_INPUT, crop, shape);
    }

    @Override
    public void close() {
        closeQuietly(session);
    }

    private static void closeQuietly(OrtSession session) {
        try {
            session.close();
        } catch (OrtException e) {
            // Closing a session only frees native memory; nothing to recover.
        }
    }
}
