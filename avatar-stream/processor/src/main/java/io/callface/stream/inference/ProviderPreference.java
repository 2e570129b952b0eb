package io.callface.stream.inference;

/** Which ONNX Runtime execution provider should serve the models. */
public enum ProviderPreference {
    /** CUDA when this ONNX Runtime build has it and it starts; CPU otherwise. */
    AUTO,
    /** CPU only. */
    CPU,
    /** CUDA wanted; falls back to CPU with a warning when CUDA or cuDNN cannot start. */
    CUDA
}
