package io.callface.stream.inference;

import io.callface.audio.Spectrogram;
import io.callface.audio.SpeechSegment;
import io.callface.model.fusion.FusedEmbedding;
import io.callface.stream.fusion.EmbeddingFuser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A synchronous micro-batcher shared by all stream threads. Each stream thread submits one window's spectrogram
 * and blocks (at most {@link BatchSettings#requestTimeout()}) on its own future; one inference thread collects up
 * to B requests, waiting at most W after the first, runs the encoder on the batch, applies each request's
 * {@link EmbeddingFuser}, runs the decoder (and the attribute head, when the model has one) on the fused
 * embeddings, and completes each future with its own result. Results come back to the submitting thread, which
 * forwards them in its own task, so exactly-once and per-key order hold.
 *
 * <p>The batcher owns the serving model: {@link #swapModel} warms a new one and replaces the old one between
 * batches; {@link #close()} stops accepting requests, runs those already queued, then closes the model.
 */
public final class InferenceBatcher implements AutoCloseable {
    /** STFT frames of a 6 s window, the only input length a live stream produces. */
    public static final int WINDOW_FRAMES = Spectrogram.frameCount(SpeechSegment.SEGMENT_SAMPLES);

    private static final Logger LOG = LoggerFactory.getLogger(InferenceBatcher.class);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(30);

    private final ServingModel model;
    private final BatchSettings settings;
    private final BatchListener listener;
    private final BlockingQueue<Request> queue = new LinkedBlockingQueue<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread worker;

    private InferenceBatcher(FaceModel initial, BatchSettings settings, BatchListener listener) {
        this.model = new ServingModel(initial);
        this.settings = settings;
        this.listener = listener;
        this.worker = new Thread(this::runBatches, "callface-inference");
        worker.setDaemon(true);
    }

    /**
     * Warms {@code model} for every batch size 1..B and starts the inference thread. The batcher owns the model
     * from here on and closes it in {@link #close()}.
     */
    public static InferenceBatcher start(FaceModel model, BatchSettings settings, BatchListener listener) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(listener, "listener");
        model.warmUp(settings.maxBatchSize(), WINDOW_FRAMES);
        InferenceBatcher batcher = new InferenceBatcher(model, settings, listener);
        batcher.worker.start();
        LOG.info("inference batcher started: up to {} windows a batch, waiting at most {} ms, requests time out "
                + "after {} ms", settings.maxBatchSize(), settings.maxWait().toMillis(),
                settings.requestTimeout().toMillis());
        return batcher;
    }

    /** Version of the model serving now. */
    public String modelVersion() {
        return model.current().version();
    }

    public BatchSettings settings() {
        return settings;
    }

    /**
     * Runs one window through encoder, {@code fuser} and decoder in the next batch and waits for the result.
     *
     * @param spectrogram {@code [2, frames, 257]} flattened as {@link Spectrogram} makes it
     * @throws IllegalStateException when the batcher is closed
     * @throws InferenceException    when no result came within the request timeout, the model failed on the
     *                               batch, or the thread was interrupted (its interrupt flag is kept)
     */
    public WindowInference infer(float[] spectrogram, int frames, EmbeddingFuser fuser) {
        Objects.requireNonNull(spectrogram, "spectrogram");
        Objects.requireNonNull(fuser, "fuser");
        if (closed.get()) {
            throw new IllegalStateException("inference batcher is closed: no new windows are accepted");
        }
        Request request = new Request(spectrogram, frames, fuser, System.nanoTime(), new CompletableFuture<>());
        queue.add(request);
        try {
            return request.result.get(settings.requestTimeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            request.result.cancel(false);
            throw new InferenceException("no inference result within " + settings.requestTimeout().toMillis()
                    + " ms (" + queue.size() + " windows queued)", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new InferenceException("inference failed: " + cause.getMessage(), cause);
        } catch (InterruptedException e) {
            request.result.cancel(false);
            Thread.currentThread().interrupt();
            throw new InferenceException("interrupted while waiting for inference", e);
        }
    }

    /**
     * Warms {@code next} for batch sizes 1..B, serves it from the next batch on, and closes the previous model
     * once its in-flight batch has finished.
     */
    public void swapModel(FaceModel next) {
        Objects.requireNonNull(next, "next");
        if (closed.get()) {
            next.close();
            throw new IllegalStateException("inference batcher is closed: model " + next.version() + " not swapped in");
        }
        next.warmUp(settings.maxBatchSize(), WINDOW_FRAMES);
        model.swap(next);
    }

    /** Stops accepting windows, runs those already queued, then closes the serving model. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        queue.add(Request.STOP);
        try {
            worker.join(SHUTDOWN_GRACE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (worker.isAlive()) {
            LOG.warn("inference thread still busy after {} s; closing the model anyway", SHUTDOWN_GRACE.toSeconds());
        }
        model.close();
        LOG.info("inference batcher closed");
    }

    private void runBatches() {
        boolean stopping = false;
        while (!stopping) {
            List<Request> batch = new ArrayList<>(settings.maxBatchSize());
            try {
                Request first = queue.take();
                if (first == Request.STOP) {
                    break;
                }
                batch.add(first);
                stopping = collect(batch, first.submittedNanos + settings.maxWait().toNanos());
            } catch (InterruptedException e) {
                LOG.warn("inference thread interrupted; failing {} collected windows", batch.size());
                batch.forEach(r -> r.result.completeExceptionally(e));
                break;
            }
            run(batch);
        }
        // Windows that raced with close() found the batcher still open; they fail at once rather than time out.
        for (Request late = queue.poll(); late != null; late = queue.poll()) {
            late.result.completeExceptionally(new IllegalStateException("inference batcher closed"));
        }
    }

    /** Adds requests until B or the deadline; true when the stop marker was reached. */
    private boolean collect(List<Request> batch, long deadlineNanos) throws InterruptedException {
        while (batch.size() < settings.maxBatchSize()) {
            long remaining = deadlineNanos - System.nanoTime();
            Request next = remaining > 0 ? queue.poll(remaining, TimeUnit.NANOSECONDS) : queue.poll();
            if (next == null) {
                return false;
            }
            if (next == Request.STOP) {
                return true;
            }
            batch.add(next);
        }
        return false;
    }

    private void run(List<Request> collected) {
        // Callers that timed out have cancelled their futures: no work for them.
        List<Request> batch = collected.stream().filter(r -> !r.result.isDone()).toList();
        if (batch.isEmpty()) {
            return;
        }
        try {
            model.withModel(serving -> {
                runOn(serving, batch);
                return null;
            });
        } catch (RuntimeException e) {
            LOG.error("inference batch of {} windows failed: {}", batch.size(), e.toString());
            batch.forEach(r -> r.result.completeExceptionally(e));
        }
    }

    private void runOn(FaceModel serving, List<Request> batch) {
        long start = System.nanoTime();
        Map<Integer, List<Request>> byFrames = new LinkedHashMap<>();
        batch.forEach(r -> byFrames.computeIfAbsent(r.frames, f -> new ArrayList<>()).add(r));
        Map<Request, float[]> embeddings = new LinkedHashMap<>();
        byFrames.forEach((frames, group) -> {
            float[][] features = serving.encode(group.stream().map(r -> r.spectrogram).toList(), frames);
            for (int i = 0; i < group.size(); i++) {
                embeddings.put(group.get(i), features[i]);
            }
        });
        long encoded = System.nanoTime();

        List<Request> fusedRequests = new ArrayList<>(batch.size());
        List<FusedEmbedding> fused = new ArrayList<>(batch.size());
        embeddings.forEach((request, embedding) -> {
            try {
                FusedEmbedding f = request.fuser.fuse(embedding.clone(), serving.version());
                if (f.dimension() != serving.featureDim()) {
                    throw new IllegalArgumentException("fused embedding has D=" + f.dimension() + ", model "
                            + serving.version() + " decodes D=" + serving.featureDim());
                }
                fusedRequests.add(request);
                fused.add(f);
            } catch (RuntimeException e) {
                request.result.completeExceptionally(e);
            }
        });
        if (fused.isEmpty()) {
            return;
        }
        float[][] vectors = fused.stream().map(FusedEmbedding::vector).toArray(float[][]::new);
        List<DecodedFace> faces = serving.decode(vectors);
        long decoded = System.nanoTime();
        // On the same fused vectors as the faces, so the attributes steady as a speaker's windows accumulate.
        List<PredictedAttributes> attributes = serving.hasAttributes() ? serving.attributes(vectors) : null;
        long finished = System.nanoTime();

        for (int i = 0; i < fusedRequests.size(); i++) {
            Request request = fusedRequests.get(i);
            request.result.complete(new WindowInference(serving.version(), embeddings.get(request), fused.get(i),
                    faces.get(i), attributes == null ? null : attributes.get(i), start - request.submittedNanos,
                    encoded - start, decoded - encoded, batch.size()));
        }
        listener.batchRan(batch.size(), finished - start);
    }

    private record Request(float[] spectrogram, int frames, EmbeddingFuser fuser, long submittedNanos,
                           CompletableFuture<WindowInference> result) {
        static final Request STOP = new Request(new float[0], 0, EmbeddingFuser.NONE, 0, new CompletableFuture<>());

        // Identity semantics: the batch maps requests to their embeddings.
        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }
}
