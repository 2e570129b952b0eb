package io.callface.stream.loadtest;

/** The hostile model releases a model-attack run publishes; each must be rejected while the current model serves. */
public enum ModelAttack {
    TRUNCATED_ENCODER("encoder.onnx cut in half; the release and model.json carry the cut file's digest, so only ONNX parsing can refuse it"),
    ALTERED_DECODER("one byte of decoder.onnx flipped; the release carries the original digest"),
    SWAPPED_GRAPHS("encoder.onnx holds the decoder graph (digests consistent): inputs and outputs break the contract"),
    RELABELLED_VERSION("intact graphs under a new version in model.json; the graphs' metadata_props name the old one"),
    MANIFEST_MISMATCH("the release announces a feature dimension model.json does not have"),
    FOREIGN_URI("encoderUri is an ftp: URI"),
    MISSING_FILE("encoderUri names a file that does not exist"),
    GARBAGE_RELEASE("random bytes instead of a ModelRelease");

    private final String description;

    ModelAttack(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
