package io.callface.stream.inference;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import io.callface.model.ModelContract;
import io.callface.model.ModelManifest;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A verified voice encoder and face decoder pair, with the optional attribute head, loaded once per JVM and shared
 * by all threads.
 *
 * <p>{@link #encode} turns spectrograms into face features, {@link #decode} turns face features into images and
 * landmarks, {@link #attributes} turns them into {@link PredictedAttributes}; all take whole batches (the batch axis
 * of the contract is dynamic). The sessions are thread-safe; each calling thread reuses its own direct input
 * buffer. Closing the model closes the attribute head, the decoder, then the encoder; close only after in-flight
 * calls have finished.
 */
public final class FaceModel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FaceModel.class);
    private static final int SPECTROGRAM_FLOATS_PER_FRAME =
            ModelContract.SPECTROGRAM_CHANNELS * ModelContract.SPECTROGRAM_BINS;

    private final OrtEnvironment environment;
    private final ModelManifest manifest;
    private final ServingSession encoder;
    private final ServingSession decoder;
    /** Null when the model directory has no attributes.onnx. */
    private final AttributeHead attributeHead;
    private final ThreadLocal<ReusableInputBuffer> encoderInput = ThreadLocal.withInitial(ReusableInputBuffer::new);
    private final ThreadLocal<ReusableInputBuffer> decoderInput = ThreadLocal.withInitial(ReusableInputBuffer::new);
    private final AtomicBoolean closed = new AtomicBoolean();

    private FaceModel(OrtEnvironment environment, ModelManifest manifest, ServingSession encoder,
                      ServingSession decoder, AttributeHead attributeHead) {
        this.environment = environment;
        this.manifest = manifest;
        this.encoder = encoder;
        this.decoder = decoder;
        this.attributeHead = attributeHead;
    }

    /**
     * Verifies and loads a model directory ({@code encoder.onnx}, {@code decoder.onnx}, {@code model.json}, and
     * {@code attributes.onnx} when {@code model.json} lists it).
     *
     * @throws ModelRejectedException when the directory breaks the contract (digests, names, shapes, metadata)
     * @throws InferenceException     when ONNX Runtime cannot load a verified file
     */
    public static FaceModel load(Path modelDir, InferenceOptions options) {
        Objects.requireNonNull(modelDir, "modelDir");
        Objects.requireNonNull(options, "options");
        VerifiedModelFiles files = ModelDirectoryVerifier.verifyFiles(modelDir);
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        SessionFactory factory = new SessionFactory(environment, options);
        ServingSession encoder = factory.open(ModelContract.ENCODER_FILE, files.encoder());
        try {
            ServingSession decoder = factory.open(ModelContract.DECODER_FILE, files.decoder());
            try {
                ModelDirectoryVerifier.verifyContract(files.manifest(), encoder.session(), decoder.session());
                // Opened last and checked inside open(), so nothing after it can fail and leave it open.
                AttributeHead attributeHead = files.attributes()
                        .map(bytes -> AttributeHead.open(environment, factory, files.manifest(), bytes))
                        .orElse(null);
                LOG.info("loaded face model {} (preset {}, D={}, image {}x{}, {}) from {}", files.manifest().version(),
                        files.manifest().preset(), files.manifest().featureDim(), files.manifest().imageHeight(),
                        files.manifest().imageWidth(),
                        attributeHead == null ? "no attribute head" : "with attribute head", modelDir);
                return new FaceModel(environment, files.manifest(), encoder, decoder, attributeHead);
            } catch (RuntimeException e) {
                closeAfterFailure(decoder, e);
                throw e;
            }
        } catch (RuntimeException e) {
            closeAfterFailure(encoder, e);
            throw e;
        }
    }

    public ModelManifest manifest() {
        return manifest;
    }

    /** {@code callface.version} of both models. */
    public String version() {
        return manifest.version();
    }

    /** D, the length of a face feature. */
    public int featureDim() {
        return manifest.featureDim();
    }

    /** The execution provider serving the encoder (the heavier model). */
    public OrtProvider provider() {
        return encoder.provider();
    }

    /**
     * Runs the voice encoder on a batch of spectrograms of the same length.
     *
     * @param spectrograms N spectrograms, each {@code [2, frames, 257]} flattened row-major
     *                     ({@code (channel * frames + frame) * 257 + bin}), as made by
     *                     {@link io.callface.audio.Spectrogram}
     * @param frames       T, the number of STFT frames of every spectrogram
     * @return N face features of length {@link #featureDim()}
     * @throws IllegalArgumentException when the batch is empty or a spectrogram has the wrong length
     * @throws InferenceException       when ONNX Runtime fails or the encoder returns non-finite values
     */
    public float[][] encode(List<float[]> spectrograms, int frames) {
        ensureOpen();
        Objects.requireNonNull(spectrograms, "spectrograms");
        if (frames <= 0) {
            throw new IllegalArgumentException("frames must be positive, got " + frames);
        }
        int itemLength = Math.multiplyExact(frames, SPECTROGRAM_FLOATS_PER_FRAME);
        requireRows("spectrograms", spectrograms, itemLength, "2 x " + frames + " frames x 257 bins");
        int n = spectrograms.size();
        FloatBuffer input = encoderInput.get().fill(spectrograms, itemLength);
        long[] shape = {n, ModelContract.SPECTROGRAM_CHANNELS, frames, ModelContract.SPECTROGRAM_BINS};
        try (OnnxTensor tensor = OnnxTensor.createTensor(environment, input, shape);
             OrtSession.Result result = encoder.session().run(Map.of(ModelContract.SPECTROGRAM, tensor))) {
            return rows(result, ModelContract.FACE_FEATURE, n, featureDim());
        } catch (OrtException e) {
            throw new InferenceException("encoder " + version() + " failed on a batch of " + n + " spectrograms of "
                    + frames + " frames: " + e.getMessage(), e);
        }
    }

    /**
     * Runs the face decoder on a batch of face features.
     *
     * @param features N features of length {@link #featureDim()}
     * @return N decoded faces, in input order
     * @throws IllegalArgumentException when the batch is empty or a feature has the wrong length
     * @throws InferenceException       when ONNX Runtime fails or the decoder returns non-finite values
     */
    public List<DecodedFace> decode(float[][] features) {
        ensureOpen();
        Objects.requireNonNull(features, "features");
        List<float[]> rows = Arrays.asList(features);
        requireRows("features", rows, featureDim(), "featureDim");
        int n = features.length;
        int height = manifest.imageHeight();
        int width = manifest.imageWidth();
        FloatBuffer input = decoderInput.get().fill(rows, featureDim());
        try (OnnxTensor tensor = OnnxTensor.createTensor(environment, input, new long[] {n, featureDim()});
             OrtSession.Result result = decoder.session().run(Map.of(ModelContract.FACE_FEATURE, tensor))) {
            float[][] images = rows(result, ModelContract.FACE_IMAGE, n,
                    ModelContract.IMAGE_CHANNELS * height * width);
            float[][] landmarks = rows(result, ModelContract.LANDMARKS, n, DecodedFace.LANDMARK_FLOATS);
            List<DecodedFace> faces = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                faces.add(new DecodedFace(images[i], height, width, landmarks[i]));
            }
            return Collections.unmodifiableList(faces);
        } catch (OrtException e) {
            throw new InferenceException("decoder " + version() + " failed on a batch of " + n + " features: "
                    + e.getMessage(), e);
        }
    }

    /** Whether the model has the attribute head ({@code attributes.onnx}). */
    public boolean hasAttributes() {
        return attributeHead != null;
    }

    /**
     * Runs the attribute head on a batch of face features.
     *
     * @param features N features of length {@link #featureDim()}
     * @return N attribute sets, in input order
     * @throws IllegalStateException    when the model has no attribute head ({@link #hasAttributes()})
     * @throws IllegalArgumentException when the batch is empty or a feature has the wrong length
     * @throws InferenceException       when ONNX Runtime fails or an output breaks the attribute contract
     */
    public List<PredictedAttributes> attributes(float[][] features) {
        ensureOpen();
        if (attributeHead == null) {
            throw new IllegalStateException("face model " + version() + " has no attribute head");
        }
        Objects.requireNonNull(features, "features");
        List<float[]> rows = Arrays.asList(features);
        requireRows("features", rows, featureDim(), "featureDim");
        return attributeHead.predict(rows);
    }

    /**
     * Runs encoder, decoder and the attribute head once for every batch size from 1 to {@code maxBatch}, so that
     * no live window pays for first-run allocations or kernel selection.
     */
    public void warmUp(int maxBatch, int frames) {
        if (maxBatch <= 0) {
            throw new IllegalArgumentException("maxBatch must be positive, got " + maxBatch);
        }
        long start = System.nanoTime();
        for (int n = 1; n <= maxBatch; n++) {
            float[] silence = new float[Math.multiplyExact(frames, SPECTROGRAM_FLOATS_PER_FRAME)];
            float[][] features = encode(Collections.nCopies(n, silence), frames);
            decode(features);
            if (hasAttributes()) {
                attributes(features);
            }
        }
        LOG.info("warmed up face model {} for batches 1..{} of {} frames in {} ms", version(), maxBatch, frames,
                (System.nanoTime() - start) / 1_000_000);
    }

    /** Closes the attribute head, the decoder, then the encoder; later calls do nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                if (attributeHead != null) {
                    attributeHead.close();
                }
            } finally {
                try {
                    decoder.close();
                } finally {
                    encoder.close();
                }
            }
        }
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("face model " + version() + " is closed");
        }
    }

    private static void requireRows(String name, List<float[]> rows, int rowLength, String layout) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        for (int i = 0; i < rows.size(); i++) {
            float[] row = rows.get(i);
            if (row == null) {
                throw new IllegalArgumentException(name + "[" + i + "] is null");
            }
            if (row.length != rowLength) {
                throw new IllegalArgumentException(name + "[" + i + "] has " + row.length + " floats, expected "
                        + rowLength + " (" + layout + ")");
            }
        }
    }

    private float[][] rows(OrtSession.Result result, String name, int n, int rowLength) {
        return OutputTensors.rows(result, name, n, rowLength, "model " + version());
    }

    private static void closeAfterFailure(ServingSession session, RuntimeException failure) {
        try {
            session.close();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }
}
