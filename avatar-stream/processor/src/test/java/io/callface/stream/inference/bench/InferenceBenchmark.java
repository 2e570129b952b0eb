package io.callface.stream.inference.bench;

import io.callface.stream.fusion.EmbeddingFuser;
import io.callface.stream.inference.BatchSettings;
import io.callface.stream.inference.DecodedFace;
import io.callface.stream.inference.FaceModel;
import io.callface.stream.inference.InferenceBatcher;
import io.callface.stream.inference.InferenceOptions;
import io.callface.model.ModelContract;
import io.callface.model.ModelManifest;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures CPU inference of a trained model directory (the {@code small} preset) in one run and prints a
 * Markdown report: windows per second and latency for direct batches of 1, 2, 4 and 8 windows (as ratios to
 * batch 1 of the same run), the same through {@link InferenceBatcher} with 2 and 4 caller threads, encoder FLOPs
 * per 6 s window for every preset, and the achieved FLOP rate against this machine's single-thread MatMul rate.
 *
 * <pre>
 * ./mvnw -B -pl avatar-stream/processor -am test-compile
 * ./mvnw -B -pl avatar-stream/processor exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *     -Dexec.args="-cp %classpath io.callface.stream.inference.bench.InferenceBenchmark MODELDIR [THREADS [BASELINE_MODELDIR]]"
 * </pre>
 * THREADS is ONNX Runtime's intra-op thread count (default 1). With BASELINE_MODELDIR the report adds the
 * per-window cost of MODELDIR against that model, measured in the same run ({@link BaselineComparison}).
 */
public final class InferenceBenchmark {
    private static final int[] BATCH_SIZES = {1, 2, 4, 8};
    private static final int[] CALLER_THREADS = {2, 4};
    private static final int WARM_UP_ITERATIONS = 5;
    private static final int ITERATIONS = 200;
    private static final int REQUESTS_PER_CALLER = 100;
    private static final int MATMUL_RUNS = 300;
    private static final int MATMUL_N = 512;
    /** B = 8 and W = 5 ms are avatar-stream's defaults; W = 0 shows what the wait for company costs. */
    private static final List<BatchSettings> BATCHERS = List.of(
            new BatchSettings(8, Duration.ofMillis(5), Duration.ofSeconds(60)),
            new BatchSettings(8, Duration.ZERO, Duration.ofSeconds(60)));
    private static final String[] PRESETS = {"tiny", "small", "paper"};

    private InferenceBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 3) {
            System.err.println("usage: InferenceBenchmark MODELDIR [INTRA_OP_THREADS [BASELINE_MODELDIR]]");
            System.exit(2);
        }
        Path modelDir = Path.of(args[0]);
        int threads = args.length >= 2 ? Integer.parseInt(args[1]) : 1;
        Path baselineDir = args.length == 3 ? Path.of(args[2]) : null;
        for (Path dir : baselineDir == null ? List.of(modelDir) : List.of(modelDir, baselineDir)) {
            if (!Files.isRegularFile(dir.resolve(ModelContract.ENCODER_FILE))) {
                System.err.println("no trained model in " + dir + "; make the small preset with\n"
                        + "  java -jar trainer/target/trainer.jar synth --out DIR --identities 120 && "
                        + "java -jar trainer/target/trainer.jar train --data DIR --preset small --out " + dir);
                System.exit(2);
            }
        }
        new InferenceBenchmark().run(modelDir, threads, baselineDir);
    }

    private void run(Path modelDir, int threads, Path baselineDir) throws Exception {
        int frames = InferenceBatcher.WINDOW_FRAMES;
        List<float[]> windows = windows(8, frames);
        double loadStart = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        StringBuilder out = new StringBuilder();
        out.append("### Machine\n\n").append(machine(threads)).append("\n");

        ModelManifest manifest;
        List<DirectResult> direct = new ArrayList<>();
        try (FaceModel model = FaceModel.load(modelDir, InferenceOptions.cpu(threads))) {
            manifest = model.manifest();
            for (int n : BATCH_SIZES) {
                direct.add(direct(model, windows.subList(0, n), frames));
            }
        }
        List<BatcherResult> batched = new ArrayList<>();
        for (BatchSettings settings : BATCHERS) {
            for (int callers : CALLER_THREADS) {
                batched.add(batcher(modelDir, threads, settings, windows, frames, callers));
            }
        }
        MatMulRate.Rate matmul = MatMulRate.measure(MATMUL_N, 5, MATMUL_RUNS);
        double loadEnd = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

        out.append(String.format("Model: `%s`, preset `%s`, version %s, D = %d, image %dx%d; window = [2, %d, 257];"
                        + " ONNX Runtime CPU, %d intra-op thread(s). 1-minute load average %.2f at the start, %.2f at"
                        + " the end.%n%n", modelDir, manifest.preset(), manifest.version(), manifest.featureDim(),
                manifest.imageHeight(), manifest.imageWidth(), frames, threads, loadStart, loadEnd));
        if (baselineDir != null) {
            try (FaceModel model = FaceModel.load(modelDir, InferenceOptions.cpu(threads));
                    FaceModel baseline = FaceModel.load(baselineDir, InferenceOptions.cpu(threads))) {
                out.append(BaselineComparison.markdown(BaselineComparison.measure(model, baseline, windows.get(0), frames),
                        modelDir.toString(), baselineDir.toString()));
            }
        }
        out.append(directTable(direct));
        out.append(batcherTable(batched, direct.get(0)));
        out.append(flopsSection(modelDir, manifest, frames, direct, matmul));
        System.out.println(out);
    }

    record DirectResult(int batch, LatencyStats batchLatency, double windowsPerSecond) {
    }

    record BatcherResult(BatchSettings settings, int callers, LatencyStats inferLatency, double windowsPerSecond, double meanBatch) {
    }

    /** encode + decode of the same N windows, ITERATIONS times after WARM_UP_ITERATIONS untimed runs. */
    private static DirectResult direct(FaceModel model, List<float[]> batch, int frames) {
        for (int i = 0; i < WARM_UP_ITERATIONS; i++) {
            consume(model.decode(model.encode(batch, frames)));
        }
        long[] nanos = new long[ITERATIONS];
        long total = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            long start = System.nanoTime();
            consume(model.decode(model.encode(batch, frames)));
            nanos[i] = System.nanoTime() - start;
            total += nanos[i];
        }
        return new DirectResult(batch.size(), new LatencyStats(nanos), batch.size() * ITERATIONS / (total / 1e9));
    }

    /** {@code callers} threads each call infer() REQUESTS_PER_CALLER times, back to back, on a fresh batcher. */
    private static BatcherResult batcher(Path modelDir, int threads, BatchSettings settings, List<float[]> windows,
                                         int frames, int callers) throws Exception {
        AtomicLong batches = new AtomicLong();
        AtomicLong batchedWindows = new AtomicLong();
        long[] nanos = new long[callers * REQUESTS_PER_CALLER];
        long wall;
        try (InferenceBatcher batcher = InferenceBatcher.start(FaceModel.load(modelDir, InferenceOptions.cpu(threads)),
                settings, (size, runNanos) -> {
                    batches.incrementAndGet();
                    batchedWindows.addAndGet(size);
                })) {
            // Warm-up through the batcher too (start() already ran every batch size once); not counted.
            runCallers(batcher, windows, frames, callers, 3, null);
            batches.set(0);
            batchedWindows.set(0);
            long start = System.nanoTime();
            runCallers(batcher, windows, frames, callers, REQUESTS_PER_CALLER, nanos);
            wall = System.nanoTime() - start;
        }
        return new BatcherResult(settings, callers, new LatencyStats(nanos), nanos.length / (wall / 1e9),
                (double) batchedWindows.get() / batches.get());
    }

    private static void runCallers(InferenceBatcher batcher, List<float[]> windows, int frames, int callers,
                                   int requests, long[] nanos) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < callers; c++) {
                int caller = c;
                done.add(pool.submit(() -> {
                    for (int r = 0; r < requests; r++) {
                        long start = System.nanoTime();
                        batcher.infer(windows.get(caller % windows.size()), frames, EmbeddingFuser.NONE);
                        if (nanos != null) {
                            nanos[caller * requests + r] = System.nanoTime() - start;
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static String directTable(List<DirectResult> results) {
        DirectResult one = results.get(0);
        StringBuilder table = new StringBuilder("### Direct FaceModel.encode + decode of N windows\n\n")
                .append(String.format("%d warm-up and %d timed iterations per batch size; a window's latency is its"
                        + " batch's latency.%n%n", WARM_UP_ITERATIONS, ITERATIONS))
                .append("| N | windows/s | x batch 1 | batch p50 ms | batch p99 ms | p50 ms per window (p50 / N) |"
                        + " p50 x batch 1 |\n|---:|---:|---:|---:|---:|---:|---:|\n");
        for (DirectResult r : results) {
            double p50 = r.batchLatency().percentileMs(50);
            table.append(String.format("| %d | %.2f | %.2f | %.1f | %.1f | %.1f | %.2f |%n", r.batch(),
                    r.windowsPerSecond(), r.windowsPerSecond() / one.windowsPerSecond(), p50,
                    r.batchLatency().percentileMs(99), p50 / r.batch(), p50 / one.batchLatency().percentileMs(50)));
        }
        return table.append('\n').toString();
    }

    private static String batcherTable(List<BatcherResult> results, DirectResult one) {
        StringBuilder table = new StringBuilder("### Through InferenceBatcher\n\n")
                .append(String.format("Each caller thread sends %d windows back to back (after 3 untimed), through"
                        + " infer(spectrogram, frames, EmbeddingFuser.NONE); latency is that of one infer() call;"
                        + " mean batch size = windows / batches reported to the BatchListener.%n%n",
                        REQUESTS_PER_CALLER))
                .append("| B | W ms | callers | windows/s | x direct batch 1 | infer() p50 ms | infer() p99 ms |"
                        + " mean batch size |\n|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (BatcherResult r : results) {
            table.append(String.format("| %d | %d | %d | %.2f | %.2f | %.1f | %.1f | %.2f |%n",
                    r.settings().maxBatchSize(), r.settings().maxWait().toMillis(), r.callers(),
                    r.windowsPerSecond(), r.windowsPerSecond() / one.windowsPerSecond(),
                    r.inferLatency().percentileMs(50), r.inferLatency().percentileMs(99), r.meanBatch()));
        }
        return table.append('\n').toString();
    }

    private static String flopsSection(Path modelDir, ModelManifest manifest, int frames, List<DirectResult> direct,
                                       MatMulRate.Rate matmul) throws IOException {
        StringBuilder section = new StringBuilder("### FLOPs per 6 s window\n\n")
                .append("| preset | encoder GFLOP per window | layers |\n|---|---:|---|\n");
        EncoderFlops.Count small = null;
        for (String preset : PRESETS) {
            EncoderFlops.Count count = EncoderFlops.count(preset, ModelContract.SPECTROGRAM_CHANNELS, frames,
                    ModelContract.SPECTROGRAM_BINS);
            if (preset.equals("small")) {
                small = count;
            }
            List<String> layers = count.layers().stream()
                    .map(l -> String.format("%s: %.3f", l.description(), l.flops() / 1e9)).toList();
            section.append(String.format("| %s | %.3f | %s |%n", preset, count.totalFlops() / 1e9,
                    String.join("; ", layers)));
        }
        section.append('\n').append(crossCheck(modelDir, manifest.preset(), frames)).append('\n');
        EncoderFlops.Count decoderCount = DecoderFlops.count(manifest.preset(), manifest.featureDim());
        section.append(decoderCrossCheck(modelDir, decoderCount)).append('\n');
        long decoder = decoderCount.totalFlops();
        long perWindow = small.totalFlops() + decoder;
        section.append(String.format("Small preset per window: encoder %.3f GFLOP + decoder %.3f GFLOP = %.3f GFLOP."
                        + "%n%nSingle-thread ONNX Runtime MatMul %dx%dx%d (median of %d runs after 5): %.2f GFLOP/s"
                        + " (process CPU time / wall time over those runs: %.2f)."
                        + "%n%n| N | achieved GFLOP/s (windows/s x %.3f GFLOP) | fraction of MatMul rate |"
                        + "%n|---:|---:|---:|%n", small.totalFlops() / 1e9, decoder / 1e9, perWindow / 1e9, MATMUL_N,
                MATMUL_N, MATMUL_N, MATMUL_RUNS, matmul.medianGflops(), matmul.cpuPerWall(), perWindow / 1e9));
        for (DirectResult r : direct) {
            double achieved = r.windowsPerSecond() * perWindow / 1e9;
            section.append(String.format("| %d | %.2f | %.3f |%n", r.batch(), achieved, achieved / matmul.medianGflops()));
        }
        return section.toString();
    }

    /**
     * Compares the re-derived weight shapes of the served preset with the ONNX encoder's Conv/Gemm/MatMul
     * initializers (FC shapes compared as sorted pairs, since Gemm may store the weight transposed).
     */
    private static String crossCheck(Path modelDir, String preset, int frames) throws IOException {
        List<List<Long>> found = OnnxWeightShapes.read(modelDir.resolve(ModelContract.ENCODER_FILE)).stream()
                .map(w -> comparable(w.weightDims())).toList();
        List<List<Long>> expected = EncoderFlops.count(preset, ModelContract.SPECTROGRAM_CHANNELS, frames,
                ModelContract.SPECTROGRAM_BINS).layers().stream().map(l -> comparable(l.weightDims())).toList();
        return String.format("Cross-check of the re-derived `%s` layer list against `encoder.onnx` of the model: weight"
                        + " shapes of its Conv/Gemm/MatMul nodes in graph order %s; re-derived %s: **%s**.%n", preset,
                found, expected, found.equals(expected) ? "identical" : "DIFFERENT");
    }

    /** As {@link #crossCheck}, for the decoder, as multisets: its branches may be exported in either order. */
    private static String decoderCrossCheck(Path modelDir, EncoderFlops.Count expected) throws IOException {
        List<List<Long>> found = sortedShapes(OnnxWeightShapes.read(modelDir.resolve(ModelContract.DECODER_FILE))
                .stream().map(OnnxWeightShapes.Weighted::weightDims).toList());
        List<List<Long>> derived = sortedShapes(expected.layers().stream().map(EncoderFlops.LayerCost::weightDims)
                .toList());
        return String.format("Decoder of `%s`: %s (%.3f GFLOP per face). Cross-check against `decoder.onnx`: weight "
                        + "shapes of its Conv/Gemm/MatMul nodes %s; re-derived %s: **%s**.%n", expected.preset(),
                expected.layers().stream().map(l -> String.format("%s: %.3f", l.description(), l.flops() / 1e9))
                        .toList(), expected.totalFlops() / 1e9, found, derived,
                found.equals(derived) ? "identical" : "DIFFERENT");
    }

    private static List<List<Long>> sortedShapes(List<List<Long>> shapes) {
        return shapes.stream().map(InferenceBenchmark::comparable).sorted((a, b) -> a.toString().compareTo(b.toString()))
                .toList();
    }

    private static List<Long> comparable(List<Long> dims) {
        return dims.size() == 2 ? dims.stream().sorted().toList() : dims;
    }

    private static String machine(int threads) throws IOException {
        List<String> cpuinfo = Files.readAllLines(Path.of("/proc/cpuinfo"));
        String flags = cpuField(cpuinfo, "flags");
        String vector = List.of("avx512f", "avx2", "fma").stream()
                .filter(f -> (" " + flags + " ").contains(" " + f + " ")).toList().toString();
        return String.format("- nproc (availableProcessors) = %d, CPU model (/proc/cpuinfo) = `%s`, family %s model %s,"
                        + " vector flags %s%n- JDK: %s %s (%s), max heap %d MiB%n"
                        + "- ONNX Runtime intra-op threads per session: %d%n",
                Runtime.getRuntime().availableProcessors(), cpuField(cpuinfo, "model name"),
                cpuField(cpuinfo, "cpu family"), cpuField(cpuinfo, "model"), vector,
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
                System.getProperty("java.vm.vendor"), Runtime.getRuntime().maxMemory() >> 20, threads);
    }

    private static String cpuField(List<String> cpuinfo, String key) {
        return cpuinfo.stream().filter(l -> l.startsWith(key) && l.substring(0, l.indexOf(':')).trim().equals(key))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown");
    }

    /** Random log-magnitude-like values; ONNX Runtime's conv cost does not depend on them. */
    private static List<float[]> windows(int count, int frames) {
        Random random = new Random(42);
        List<float[]> windows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            float[] w = new float[ModelContract.SPECTROGRAM_CHANNELS * frames * ModelContract.SPECTROGRAM_BINS];
            for (int j = 0; j < w.length; j++) {
                w[j] = (float) (random.nextGaussian() * 0.5);
            }
            windows.add(w);
        }
        return windows;
    }

    private static void consume(List<DecodedFace> faces) {
        if (faces.isEmpty() || !Float.isFinite(faces.get(0).landmarks()[0])) {
            throw new IllegalStateException("decoder returned no finite face");
        }
    }
}
