package io.callface.trainer.train;

import io.callface.trainer.synth.CorpusClip;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The voice stage's mini-batch inputs: each batch's clips read, augmented when the plan says so, and turned into
 * spectrograms, concatenated in batch order; with clean pairs, also the clean spectrograms of the augmented clips, for
 * the invariance term. With workers, batches are computed ahead of the training loop (at most
 * {@value #BATCHES_AHEAD_PER_WORKER} per worker), so a corpus whose spectrograms do not fit in memory trains without
 * waiting for each clip's spectrogram; every input depends only on the epoch and the clip
 * ({@link VoiceAugmentation} is seeded per clip), so the inputs are the same for any worker count. (The trained model
 * is too, as long as the workers do not take cores PyTorch's threads need: see {@link DataLoading#DEFAULT}.)
 */
final class VoiceBatches implements AutoCloseable {
    static final int BATCHES_AHEAD_PER_WORKER = 2;

    private final List<CorpusClip> clips;
    private final SpectrogramCache spectrograms;
    private final VoiceAugmentation augmentation;
    private final ExecutorService workers;
    private final int ahead;
    private final boolean cleanPairs;

    /**
     * One mini-batch's inputs.
     *
     * @param heard          the clips' spectrograms as heard (augmented or clean), concatenated in batch order
     * @param augmentedRows  the rows (positions in the batch) whose clip was augmented, ascending
     * @param cleanOfAugmented the clean spectrograms of those rows' clips, in the same order; empty without clean pairs
     */
    record VoiceBatch(float[] heard, long[] augmentedRows, float[] cleanOfAugmented) {
        /** Rows {@code from..to-1} as a batch of their own (augmented rows renumbered from 0). */
        VoiceBatch rows(int from, int to) {
            int row = SpectrogramCache.sixSecondSize();
            if (from == 0 && to * row == heard.length) {
                return this; // the whole batch: one device, nothing to cut
            }
            int pairs = (int) Arrays.stream(augmentedRows).filter(r -> r >= from && r < to).count();
            long[] augmented = new long[pairs];
            float[] clean = new float[cleanOfAugmented.length == 0 ? 0 : pairs * row];
            int k = 0;
            for (int i = 0; i < augmentedRows.length; i++) {
                if (augmentedRows[i] >= from && augmentedRows[i] < to) {
                    augmented[k] = augmentedRows[i] - from;
                    if (clean.length > 0) {
                        System.arraycopy(cleanOfAugmented, i * row, clean, k * row, row);
                    }
                    k++;
                }
            }
            return new VoiceBatch(Arrays.copyOfRange(heard, from * row, to * row), augmented, clean);
        }
    }

    /**
     * {@code workers} 0 computes each batch on the caller's thread when it is asked for; {@code cleanPairs} also
     * gives each augmented clip's clean spectrogram.
     */
    VoiceBatches(List<CorpusClip> clips, SpectrogramCache spectrograms, VoiceAugmentation augmentation, int workers,
            boolean cleanPairs) {
        if (workers < 0) {
            throw new IllegalArgumentException("workers: " + workers + " is negative");
        }
        this.clips = List.copyOf(clips);
        this.spectrograms = spectrograms;
        this.augmentation = augmentation;
        this.workers = workers == 0 ? null : Executors.newFixedThreadPool(workers, runnable -> {
            Thread thread = new Thread(runnable, "voice-batches");
            thread.setDaemon(true);
            return thread;
        });
        this.ahead = BATCHES_AHEAD_PER_WORKER * workers;
        this.cleanPairs = cleanPairs;
    }

    /** The inputs of {@code batches} (clip indexes) of {@code epoch}, in order. */
    Iterator<VoiceBatch> of(int epoch, List<int[]> batches) {
        return new Iterator<>() {
            private final Deque<Future<VoiceBatch>> pending = new ArrayDeque<>();
            private int submitted;
            private int taken;

            @Override
            public boolean hasNext() {
                return taken < batches.size();
            }

            @Override
            public VoiceBatch next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int batch = taken++;
                if (workers == null) {
                    return input(epoch, batches.get(batch));
                }
                while (submitted < batches.size() && submitted <= batch + ahead) {
                    int[] clipsOfBatch = batches.get(submitted++);
                    pending.add(workers.submit((Callable<VoiceBatch>) () -> input(epoch, clipsOfBatch)));
                }
                return await(pending.removeFirst());
            }
        };
    }

    private VoiceBatch input(int epoch, int[] batch) {
        int floats = SpectrogramCache.sixSecondSize();
        float[] input = new float[batch.length * floats];
        List<Long> augmentedRows = new ArrayList<>();
        List<float[]> cleanTwins = new ArrayList<>();
        for (int i = 0; i < batch.length; i++) {
            int index = batch[i];
            CorpusClip clip = clips.get(index);
            float[] spectrogram;
            if (augmentation.augments(epoch, index)) {
                // Read once: the augmentation and the clean twin start from the same samples.
                float[] samples = WavFile.readMono16k(clip.audio());
                if (cleanPairs) {
                    cleanTwins.add(spectrograms.sixSeconds(clip.audio(), samples));
                }
                spectrogram = spectrograms.sixSecondsOf(augmentation.apply(epoch, index, samples));
                augmentedRows.add((long) i);
            } else {
                spectrogram = spectrograms.sixSeconds(clip.audio());
            }
            System.arraycopy(spectrogram, 0, input, i * floats, floats);
        }
        float[] clean = new float[cleanTwins.size() * floats];
        for (int k = 0; k < cleanTwins.size(); k++) {
            System.arraycopy(cleanTwins.get(k), 0, clean, k * floats, floats);
        }
        return new VoiceBatch(input, augmentedRows.stream().mapToLong(Long::longValue).toArray(), clean);
    }

    private static VoiceBatch await(Future<VoiceBatch> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a voice batch", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        if (workers != null) {
            workers.shutdownNow();
        }
    }
}
