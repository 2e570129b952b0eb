package io.callface.model;

/**
 * The binding ONNX model contract between the trainer and the stream processor (public; see README).
 *
 * <ul>
 *   <li>{@value #ENCODER_FILE}: input {@value #SPECTROGRAM} float32 {@code [N, 2, T, 257]} (N and T dynamic),
 *       output {@value #FACE_FEATURE} float32 {@code [N, D]}.</li>
 *   <li>{@value #DECODER_FILE}: input {@value #FACE_FEATURE} float32 {@code [N, D]}, outputs
 *       {@value #FACE_IMAGE} float32 {@code [N, 3, H, W]} RGB in [0, 1] and {@value #LANDMARKS} float32
 *       {@code [N, 68, 2]} in [0, 1] image coordinates (x right, y down, iBUG 68-point order).</li>
 *   <li>Opset {@value #OPSET}; {@code metadata_props} carry {@value #META_VERSION}, {@value #META_PRESET}
 *       and {@value #META_FEATURE_DIM}.</li>
 *   <li>A model directory holds both files plus {@value #MANIFEST_FILE} ({@link ModelManifest}), and optionally
 *       the attribute head {@value AttributeContract#ATTRIBUTES_FILE} ({@link AttributeContract}).</li>
 * </ul>
 */
public final class ModelContract {
    public static final String ENCODER_FILE = "encoder.onnx";
    public static final String DECODER_FILE = "decoder.onnx";
    public static final String MANIFEST_FILE = "model.json";

    public static final String SPECTROGRAM = "spectrogram";
    public static final String FACE_FEATURE = "face_feature";
    public static final String FACE_IMAGE = "face_image";
    public static final String LANDMARKS = "landmarks";

    public static final int OPSET = 17;
    public static final int SPECTROGRAM_CHANNELS = 2;
    public static final int SPECTROGRAM_BINS = 257;
    public static final int LANDMARK_COUNT = 68;
    public static final int IMAGE_CHANNELS = 3;

    public static final String META_VERSION = "callface.version";
    public static final String META_PRESET = "callface.preset";
    public static final String META_FEATURE_DIM = "callface.feature_dim";

    private ModelContract() {
    }
}
