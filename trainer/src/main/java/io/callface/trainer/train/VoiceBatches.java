package io.callface.trainer.train;

import io.callface.trainer.synth.CorpusClip;
import java.util.ArrayDeque;
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
 * spectrograms, concatenated in batch order. With workers, batches are computed ahead of the training loop (at most
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

    /** {@code workers} 0 computes each batch on the caller's thread when it is asked for. */
    VoiceBatches(List<CorpusClip> clips, SpectrogramCache spectrograms, VoiceAugmentation augmentation, int workers) {
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
    }

    /** The inputs of {@code batches} (clip indexes) of {@code epoch}, in order. */
    Iterator<float[]> of(int epoch, List<int[]> batches) {
        return new Iterator<>() {
            private final Deque<Future<float[]>> pending = new ArrayDeque<>();
            private int submitted;
            private int taken;

            @Override
            public boolean hasNext() {
                return taken < batches.size();
            }

            @Override
            public float[] next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int batch = taken++;
                if (workers == null) {
                    return input(epoch, batches.get(batch));
                }
                while (submitted < batches.size() && submitted <= batch + ahead) {
                    int[] clipsOfBatch = batches.get(submitted++);
                    pending.add(workers.submit((Callable<float[]>) () -> input(epoch, clipsOfBatch)));
                }
                return await(pending.removeFirst());
            }
        };
    }

    private float[] input(int epoch, int[] batch) {
        int floats = SpectrogramCache.sixSecondSize();
        float[] input = new float[batch.length * floats];
        for (int i = 0; i < batch.length; i++) {
            int index = batch[i];
            CorpusClip clip = clips.get(index);
            float[] spectrogram = augmentation.augments(epoch, index)
                    ? spectrograms.sixSecondsOf(augmentation.apply(epoch, index, WavFile.readMono16k(clip.audio())))
                    : spectrograms.sixSeconds(clip.audio());
            System.arraycopy(spectrogram, 0, input, i * floats, floats);
        }
        return input;
    }

    private static float[] await(Future<float[]> future) {
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
