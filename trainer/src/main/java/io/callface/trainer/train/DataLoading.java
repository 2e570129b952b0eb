package io.callface.trainer.train;

import java.util.OptionalInt;

/**
 * How the voice stage gets its spectrograms; neither setting changes what is trained, only where the time and memory
 * go.
 *
 * @param workers            threads computing batches ahead of the training loop ({@link VoiceBatches}); 0 computes
 *                           each batch on the training thread
 * @param cachedSpectrograms how many clean spectrograms to keep in memory (about 1.2 MB each); empty: as many as fit
 *                           in {@value SpectrogramCache#HEAP_SHARE} of the maximum heap; 0: every clip is computed
 *                           from its WAV whenever it is used, so the heap holds no corpus
 */
public record DataLoading(int workers, OptionalInt cachedSpectrograms) {
    /**
     * No worker, and the heap-sized cache. Workers compete with PyTorch's threads for the cores, and on a machine with
     * no core to spare that load changes PyTorch's CPU results in their last digits, which the training amplifies
     * (BENCHMARKS.md, "Training on data larger than memory"); so workers are for machines with cores beyond
     * {@code --threads}.
     */
    public static final DataLoading DEFAULT = new DataLoading(0, OptionalInt.empty());

    public DataLoading {
        if (workers < 0) {
            throw new IllegalArgumentException("workers: " + workers + " is negative");
        }
        if (cachedSpectrograms.isPresent() && cachedSpectrograms.getAsInt() < 0) {
            throw new IllegalArgumentException("cachedSpectrograms: " + cachedSpectrograms.getAsInt() + " is negative");
        }
    }

    SpectrogramCache cache() {
        return cachedSpectrograms.isPresent() ? new SpectrogramCache(cachedSpectrograms.getAsInt())
                : SpectrogramCache.sizedForHeap();
    }
}
