package io.callface.stream.inference;

import static io.callface.model.AttributeContract.AGE_SD_YEARS;
import static io.callface.model.AttributeContract.AGE_YEARS;
import static io.callface.model.AttributeContract.ATTRIBUTES_FILE;
import static io.callface.model.AttributeContract.FACE_SHAPE;
import static io.callface.model.AttributeContract.FACIAL_HAIR_PROBABILITY;
import static io.callface.model.AttributeContract.GREY_SHARE;
import static io.callface.model.AttributeContract.HAIR_LENGTH;
import static io.callface.model.AttributeContract.MALE_PROBABILITY;
import static io.callface.model.AttributeContract.OUTPUT_WIDTHS;
import static io.callface.model.AttributeContract.SKIN_ITA;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.callface.model.ModelContract;
import io.callface.model.ModelManifest;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The optional attribute head of a model ({@value io.callface.model.AttributeContract#ATTRIBUTES_FILE}): face
 * features in, {@link PredictedAttributes} out. Owned by its {@link FaceModel}, which closes it; the session is
 * thread-safe and each calling thread reuses its own direct input buffer.
 */
final class AttributeHead implements AutoCloseable {
    private final OrtEnvironment environment;
    private final ServingSession session;
    private final String version;
    private final int featureDim;
    private final ThreadLocal<ReusableInputBuffer> input = ThreadLocal.withInitial(ReusableInputBuffer::new);
    private final AtomicBoolean closed = new AtomicBoolean();

    private AttributeHead(OrtEnvironment environment, ServingSession session, String version, int featureDim) {
        this.environment = environment;
        this.session = session;
        this.version = version;
        this.featureDim = featureDim;
    }

    /**
     * Opens a session on the verified bytes and checks it against the contract; the session is closed again when
     * the check fails.
     *
     * @throws ModelRejectedException naming the input or output that breaks the contract
     * @throws InferenceException     when ONNX Runtime cannot load the file
     */
    static AttributeHead open(OrtEnvironment environment, SessionFactory factory, ModelManifest manifest,
                              ByteBuffer model) {
        ServingSession session = factory.open(ATTRIBUTES_FILE, model);
        try {
            ModelDirectoryVerifier.verifyAttributesContract(manifest, session.session());
            return new AttributeHead(environment, session, manifest.version(), manifest.featureDim());
        } catch (RuntimeException e) {
            try {
                session.close();
            } catch (RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /**
     * Runs the head on a batch of face features (already checked to have length D).
     *
     * @return N attribute sets, in input order
     * @throws InferenceException when ONNX Runtime fails or an output breaks the contract (non-finite values, a
     *                            probability outside [0, 1], class probabilities that do not sum to 1)
     */
    List<PredictedAttributes> predict(List<float[]> features) {
        int n = features.size();
        FloatBuffer buffer = input.get().fill(features, featureDim);
        try (OnnxTensor tensor = OnnxTensor.createTensor(environment, buffer, new long[] {n, featureDim});
             OrtSession.Result result = session.session().run(Map.of(ModelContract.FACE_FEATURE, tensor))) {
            String model = ATTRIBUTES_FILE + " of model " + version;
            Map<String, float[][]> outputs = new HashMap<>();
            OUTPUT_WIDTHS.forEach((name, width) ->
                    outputs.put(name, OutputTensors.rows(result, name, n, width, model)));
            List<PredictedAttributes> attributes = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                attributes.add(item(outputs, i, model));
            }
            return Collections.unmodifiableList(attributes);
        } catch (OrtException e) {
            throw new InferenceException(ATTRIBUTES_FILE + " of model " + version + " failed on a batch of " + n
                    + " features: " + e.getMessage(), e);
        }
    }

    /** Closes the session; later calls do nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            session.close();
        }
    }

    private static PredictedAttributes item(Map<String, float[][]> outputs, int i, String model) {
        try {
            return new PredictedAttributes(outputs.get(MALE_PROBABILITY)[i][0], outputs.get(AGE_YEARS)[i][0],
                    outputs.get(AGE_SD_YEARS)[i][0], outputs.get(GREY_SHARE)[i][0], outputs.get(HAIR_LENGTH)[i],
                    outputs.get(FACIAL_HAIR_PROBABILITY)[i][0], outputs.get(SKIN_ITA)[i][0],
                    outputs.get(FACE_SHAPE)[i]);
        } catch (IllegalArgumentException e) {
            throw new InferenceException(model + " broke the attribute contract on batch item " + i + ": "
                    + e.getMessage(), e);
        }
    }
}
