package io.callface.stream.inference;

/** Told of every batch the {@link InferenceBatcher} runs (metrics). Called on the inference thread. */
@FunctionalInterface
public interface BatchListener {
    BatchListener NONE = (size, runNanos) -> { };

    /**
     * @param size     windows in the batch
     * @param runNanos encoder, decoder and attribute head time of the batch
     */
    void batchRan(int size, long runNanos);
}
