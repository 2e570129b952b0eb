package io.callface.stream.inference;

import java.util.Objects;

/**
 * How ONNX Runtime sessions are built.
 *
 * @param provider            execution provider preference
 * @param cudaDeviceId        CUDA device ordinal used when CUDA serves (0 or more)
 * @param gpuMemoryLimitBytes CUDA arena limit in bytes; 0 means no limit
 * @param intraOpThreads      threads per operator on CPU; 0 lets ONNX Runtime use one per core. Kafka Streams
 *                            threads already run in parallel, so small values (1-2) usually serve best.
 */
public record InferenceOptions(
        ProviderPreference provider,
        int cudaDeviceId,
        long gpuMemoryLimitBytes,
        int intraOpThreads) {

    public InferenceOptions {
        Objects.requireNonNull(provider, "provider");
        if (cudaDeviceId < 0) {
            throw new IllegalArgumentException("cudaDeviceId must be >= 0, got " + cudaDeviceId);
        }
        if (gpuMemoryLimitBytes < 0) {
            throw new IllegalArgumentException("gpuMemoryLimitBytes must be >= 0 (0 = no limit), got "
                    + gpuMemoryLimitBytes);
        }
        if (intraOpThreads < 0) {
            throw new IllegalArgumentException("intraOpThreads must be >= 0 (0 = one per core), got "
                    + intraOpThreads);
        }
    }

    /** CPU only, with the given number of intra-op threads. */
    public static InferenceOptions cpu(int intraOpThreads) {
        return new InferenceOptions(ProviderPreference.CPU, 0, 0, intraOpThreads);
    }
}
