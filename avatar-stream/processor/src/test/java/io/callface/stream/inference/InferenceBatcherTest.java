package io.callface.stream.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.callface.model.ModelContract;
import io.callface.model.fusion.FusedEmbedding;
import io.callface.stream.config.AvatarStreamConfig;
import io.callface.stream.fusion.EmbeddingFuser;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InferenceBatcherTest {
    /** Batched and single runs may sum in another order: float32 rounding only. */
    private static final float TOLERANCE = 1e-5f;
    private static final int FRAMES = 5;
    private static final InferenceOptions CPU = InferenceOptions.cpu(1);

    @TempDir
    static Path dir;
    /** A second instance of the same model, run one window at a time, as the reference. */
    private static FaceModel reference;
    /** v2 has the attribute head; its writer computes the head's reference output. */
    private static final TinyFaceModelWriter V2 = new TinyFaceModelWriter().version("tiny-v2").withAttributes();

    @BeforeAll
    static void writeModel() throws IOException {
        new TinyFaceModelWriter().version("tiny-v1").write(dir.resolve("v1"));
        V2.write(dir.resolve("v2"));
        reference = FaceModel.load(dir.resolve("v1"), CPU);
    }

    @AfterAll
    static void closeReference() {
        reference.close();
    }

    private static InferenceBatcher batcher(int maxBatch, Duration maxWait, Duration timeout) {
        return InferenceBatcher.start(FaceModel.load(dir.resolve("v1"), CPU),
                new BatchSettings(maxBatch, maxWait, timeout), BatchListener.NONE);
    }

    @Test
    void manyThreadsEachGetTheResultOfTheirOwnWindow() throws Exception {
        int threads = 8;
        int perThread = 5;
        try (InferenceBatcher batcher = batcher(4, Duration.ofMillis(20), Duration.ofSeconds(10))) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<List<Check>>> futures = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int seed = t;
                    futures.add(pool.submit(() -> {
                        List<Check> checks = new ArrayList<>();
                        Random random = new Random(seed);
                        for (int i = 0; i < perThread; i++) {
                            float[] spectrogram = spectrogram(random);
                            checks.add(new Check(spectrogram,
                                    batcher.infer(spectrogram, FRAMES, EmbeddingFuser.NONE)));
                        }
                        return checks;
                    }));
                }
                for (Future<List<Check>> future : futures) {
                    for (Check check : future.get(30, TimeUnit.SECONDS)) {
                        float[] expected = reference.encode(List.of(check.spectrogram), FRAMES)[0];
                        assertClose(check.result.embedding(), expected);
                        DecodedFace expectedFace = reference.decode(new float[][] {expected}).get(0);
                        assertClose(check.result.face().imageChw(), expectedFace.imageChw());
                        assertClose(check.result.face().landmarks(), expectedFace.landmarks());
                        assertThat(check.result.modelVersion()).isEqualTo("tiny-v1");
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void concurrentWindowsShareABatch() throws Exception {
        int threads = 6;
        try (InferenceBatcher batcher = batcher(8, Duration.ofMillis(300), Duration.ofSeconds(10))) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                CountDownLatch ready = new CountDownLatch(threads);
                List<Future<WindowInference>> results = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    float[] spectrogram = spectrogram(new Random(100 + t));
                    results.add(pool.submit(() -> {
                        ready.countDown();
                        ready.await();
                        return batcher.infer(spectrogram, FRAMES, EmbeddingFuser.NONE);
                    }));
                }
                int largest = 0;
                for (Future<WindowInference> result : results) {
                    largest = Math.max(largest, result.get(30, TimeUnit.SECONDS).batchSize());
                }
                assertThat(largest).isGreaterThan(1);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void aLoneWindowWaitsAtMostTheBatchWaitThenRunsAlone() {
        Duration wait = Duration.ofMillis(150);
        try (InferenceBatcher batcher = batcher(8, wait, Duration.ofSeconds(10))) {
            WindowInference result = batcher.infer(spectrogram(new Random(1)), FRAMES, EmbeddingFuser.NONE);

            assertThat(result.batchSize()).isEqualTo(1);
            assertThat(result.queueNanos()).isBetween(wait.toNanos(), Duration.ofSeconds(5).toNanos());
        }
    }

    @Test
    void theFaceIsDecodedFromWhatTheFuserReturns() {
        float[] other = new float[reference.featureDim()];
        Arrays.fill(other, 0.75f);
        try (InferenceBatcher batcher = batcher(2, Duration.ZERO, Duration.ofSeconds(10))) {
            float[] spectrogram = spectrogram(new Random(2));
            WindowInference result = batcher.infer(spectrogram, FRAMES,
                    (embedding, version) -> new FusedEmbedding(version, other, 3));

            assertClose(result.embedding(), reference.encode(List.of(spectrogram), FRAMES)[0]);
            assertThat(result.fused().windows()).isEqualTo(3);
            assertClose(result.face().imageChw(), reference.decode(new float[][] {other}).get(0).imageChw());
            assertThat(result.attributes()).as("v1 has no attribute head").isNull();
        }
    }

    @Test
    void theAttributesComeFromWhatTheFuserReturnsLikeTheFace() {
        float[] other = new float[reference.featureDim()];
        Arrays.fill(other, -0.5f);
        try (InferenceBatcher batcher = InferenceBatcher.start(FaceModel.load(dir.resolve("v2"), CPU),
                new BatchSettings(2, Duration.ZERO, Duration.ofSeconds(10)), BatchListener.NONE)) {
            WindowInference result = batcher.infer(spectrogram(new Random(3)), FRAMES,
                    (embedding, version) -> new FusedEmbedding(version, other, 2));

            assertThat(result.modelVersion()).isEqualTo("tiny-v2");
            AttributeAssertions.assertAttributesClose(result.attributes(), V2.expectedAttributes(other), TOLERANCE);
        }
    }

    @Test
    void aRequestThatOutlivesItsTimeoutFailsWithAClearError() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        try (InferenceBatcher batcher = batcher(1, Duration.ZERO, Duration.ofMillis(100))) {
            EmbeddingFuser stuck = (embedding, version) -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return FusedEmbedding.first(embedding, version);
            };
            InferenceException e = assertThrows(InferenceException.class,
                    () -> batcher.infer(spectrogram(new Random(3)), FRAMES, stuck));
            assertThat(e).hasMessageContaining("within 100 ms");
            release.countDown();

            assertThat(batcher.infer(spectrogram(new Random(4)), FRAMES, EmbeddingFuser.NONE).modelVersion())
                    .isEqualTo("tiny-v1");
        }
    }

    @Test
    void aSwappedModelServesTheNextWindowAndTheOldOneIsClosed() {
        FaceModel first = FaceModel.load(dir.resolve("v1"), CPU);
        try (InferenceBatcher batcher = InferenceBatcher.start(first,
                new BatchSettings(2, Duration.ZERO, Duration.ofSeconds(10)), BatchListener.NONE)) {
            assertThat(batcher.infer(spectrogram(new Random(5)), FRAMES, EmbeddingFuser.NONE).modelVersion())
                    .isEqualTo("tiny-v1");

            batcher.swapModel(FaceModel.load(dir.resolve("v2"), CPU));

            assertThat(batcher.modelVersion()).isEqualTo("tiny-v2");
            assertThat(batcher.infer(spectrogram(new Random(5)), FRAMES, EmbeddingFuser.NONE).modelVersion())
                    .isEqualTo("tiny-v2");
            assertThrows(IllegalStateException.class, () -> first.encode(List.of(spectrogram(new Random(6))), FRAMES));
        }
    }

    @Test
    void aClosedBatcherRejectsWindowsAndClosesItsModel() {
        FaceModel model = FaceModel.load(dir.resolve("v1"), CPU);
        InferenceBatcher batcher = InferenceBatcher.start(model,
                new BatchSettings(2, Duration.ofMillis(5), Duration.ofSeconds(10)), BatchListener.NONE);
        batcher.close();

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> batcher.infer(spectrogram(new Random(7)), FRAMES, EmbeddingFuser.NONE));
        assertThat(e).hasMessageContaining("closed");
        assertThrows(IllegalStateException.class, () -> model.encode(List.of(spectrogram(new Random(8))), FRAMES));
    }

    @Test
    void settingsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> new BatchSettings(0, Duration.ZERO, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class,
                () -> new BatchSettings(4, Duration.ofMillis(-1), Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class,
                () -> new BatchSettings(4, Duration.ofMillis(50), Duration.ofMillis(50)));
    }

    @Test
    void settingsComeFromTheConfigurationKeys() {
        Map<String, Object> values = new HashMap<>(Map.of(
                AvatarStreamConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092",
                AvatarStreamConfig.SCHEMA_REGISTRY_URL_CONFIG, "mock://batch",
                AvatarStreamConfig.MODEL_DIR_CONFIG, "unused",
                AvatarStreamConfig.INFERENCE_BATCH_MAX_SIZE_CONFIG, 16,
                AvatarStreamConfig.INFERENCE_BATCH_MAX_WAIT_MS_CONFIG, 12L));
        assertThat(BatchSettings.from(new AvatarStreamConfig(values)))
                .isEqualTo(new BatchSettings(16, Duration.ofMillis(12), Duration.ofSeconds(10)));

        values.put(AvatarStreamConfig.INFERENCE_REQUEST_TIMEOUT_MS_CONFIG, 100L);
        values.put(AvatarStreamConfig.INFERENCE_BATCH_MAX_WAIT_MS_CONFIG, 500L);
        ConfigException e = assertThrows(ConfigException.class,
                () -> BatchSettings.from(new AvatarStreamConfig(values)));
        assertThat(e).hasMessageContaining(AvatarStreamConfig.INFERENCE_REQUEST_TIMEOUT_MS_CONFIG);
        assertThrows(ConfigException.class, () -> new AvatarStreamConfig(Map.of(
                AvatarStreamConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092",
                AvatarStreamConfig.SCHEMA_REGISTRY_URL_CONFIG, "mock://batch",
                AvatarStreamConfig.MODEL_DIR_CONFIG, "unused",
                AvatarStreamConfig.INFERENCE_BATCH_MAX_SIZE_CONFIG, 0)));
    }

    private record Check(float[] spectrogram, WindowInference result) {
    }

    private static float[] spectrogram(Random random) {
        float[] values = new float[ModelContract.SPECTROGRAM_CHANNELS * FRAMES * ModelContract.SPECTROGRAM_BINS];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextFloat() * 2 - 1;
        }
        return values;
    }

    private static void assertClose(float[] actual, float[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("index %d", i).isCloseTo(expected[i], within(TOLERANCE));
        }
    }
}
