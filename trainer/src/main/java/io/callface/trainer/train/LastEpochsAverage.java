package io.callface.trainer.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A network's weights after each of a run's last epochs, and their uniform average: stochastic weight averaging
 * (Izmailov, Podoprikhin, Garipov, Vetrov &amp; Wilson, "Averaging Weights Leads to Wider Optima and Better
 * Generalization", UAI 2018) over the epochs of the learning-rate schedule's tail. Every parameter is averaged,
 * the batch norms' running statistics too, as they are parameters of the network; but averaged running statistics
 * belong to none of the averaged networks, so once the run's last epoch is done the pipeline recomputes them on the
 * averaged weights ({@link BatchNormRefresh}) and keeps them here ({@link #keepBatchNorm}) to replace the averaged ones.
 *
 * <p>The snapshots travel in the voice checkpoint as tensors named {@value #PREFIX}{@code <epoch>/<parameter>}, the
 * recomputed statistics as {@value #BATCH_NORM_PREFIX}{@code <parameter>}, so a resumed run averages exactly what the
 * uninterrupted one would, and exporting a checkpoint gives the average it holds. The mean of each value is summed in
 * double precision in epoch order and rounded once.
 */
final class LastEpochsAverage {
    static final String PREFIX = "average/epoch";
    static final String BATCH_NORM_PREFIX = "average/batchnorm/";

    private final int firstEpoch;
    private final TreeMap<Integer, Map<String, float[]>> snapshots = new TreeMap<>();
    private final Map<String, float[]> batchNorm = new LinkedHashMap<>();

    /** Averages epochs {@code firstEpoch} onwards; a first epoch past the run's last averages nothing. */
    private LastEpochsAverage(int firstEpoch) {
        this.firstEpoch = firstEpoch;
    }

    /** The last {@code window} of {@code epochs} epochs (all of them when the window is longer; none for 0). */
    static LastEpochsAverage lastOf(int epochs, int window) {
        if (epochs < 1 || window < 0) {
            throw new IllegalArgumentException("epochs must be positive and window >= 0, got " + epochs + ", " + window);
        }
        return new LastEpochsAverage(window == 0 ? epochs + 1 : Math.max(1, epochs - window + 1));
    }

    /**
     * The average of a run resumed from a checkpoint written after epoch {@code doneEpochs}: its snapshots inside the
     * window, which must all be there, and its recomputed batch-norm statistics when the run is already finished.
     *
     * @throws IllegalStateException if the checkpoint lacks a snapshot the window needs (it was written with another
     *                               window)
     */
    static LastEpochsAverage resumed(int epochs, int window, int doneEpochs, Map<String, float[]> checkpoint) {
        LastEpochsAverage average = lastOf(epochs, window);
        Map<Integer, Map<String, float[]>> stored = snapshotsIn(checkpoint);
        for (int epoch = average.firstEpoch; epoch <= doneEpochs; epoch++) {
            Map<String, float[]> snapshot = stored.get(epoch);
            if (snapshot == null) {
                throw new IllegalStateException("the voice checkpoint (epoch " + doneEpochs + ") lacks the weights of "
                        + "epoch " + epoch + " to average; resume with the number of averaged epochs it was written with "
                        + "(0 for a checkpoint written without averaging)");
            }
            average.snapshots.put(epoch, snapshot);
        }
        if (doneEpochs >= epochs) {
            average.batchNorm.putAll(batchNormIn(checkpoint));
        }
        return average;
    }

    /** Every snapshot a checkpoint holds, to export the average it would have ended with. */
    static LastEpochsAverage stored(Map<String, float[]> checkpoint) {
        LastEpochsAverage average = new LastEpochsAverage(1);
        average.snapshots.putAll(snapshotsIn(checkpoint));
        average.batchNorm.putAll(batchNormIn(checkpoint));
        return average;
    }

    /** Keeps a copy of {@code parameters} as they are after {@code epoch}, when it is inside the window. */
    void record(int epoch, Map<String, NDArray> parameters) {
        if (epoch < firstEpoch) {
            return;
        }
        Map<String, float[]> snapshot = new LinkedHashMap<>();
        parameters.forEach((name, array) -> snapshot.put(name, array.toFloatArray()));
        snapshots.put(epoch, snapshot);
    }

    /** Keeps the batch-norm running statistics recomputed on the averaged weights, by parameter name. */
    void keepBatchNorm(Map<String, NDArray> statistics) {
        batchNorm.clear();
        statistics.forEach((name, array) -> batchNorm.put(name, array.toFloatArray()));
    }

    /** Puts the weights of the last epoch kept back into {@code parameters} (the run's own, which checkpoints hold). */
    void restoreLast(Map<String, NDArray> parameters) {
        Map<String, float[]> last = snapshots.lastEntry().getValue();
        parameters.forEach((name, array) -> CheckpointDirectory.copyInto(array, last.get(name)));
    }

    /** How many epochs' weights are kept. */
    int epochs() {
        return snapshots.size();
    }

    /** The snapshots and recomputed statistics as named tensors for a checkpoint, created in {@code manager}. */
    Map<String, NDArray> tensors(NDManager manager, Map<String, NDArray> shapes) {
        Map<String, NDArray> tensors = new LinkedHashMap<>();
        snapshots.forEach((epoch, snapshot) -> snapshot.forEach((name, values) ->
                tensors.put(PREFIX + epoch + "/" + name, manager.create(values, shapes.get(name).getShape()))));
        batchNorm.forEach((name, values) ->
                tensors.put(BATCH_NORM_PREFIX + name, manager.create(values, shapes.get(name).getShape())));
        return tensors;
    }

    /**
     * Overwrites {@code parameters} with the mean of the snapshots, the batch-norm statistics with the recomputed ones
     * where kept; does nothing when there are no snapshots.
     */
    void applyTo(Map<String, NDArray> parameters) {
        if (snapshots.isEmpty()) {
            return;
        }
        for (Map.Entry<String, NDArray> e : parameters.entrySet()) {
            double[] sum = new double[Math.toIntExact(e.getValue().size())];
            for (Map.Entry<Integer, Map<String, float[]>> snapshot : snapshots.entrySet()) {
                float[] values = snapshot.getValue().get(e.getKey());
                if (values == null || values.length != sum.length) {
                    throw new IllegalStateException("the weights of epoch " + snapshot.getKey() + " lack " + e.getKey()
                            + " or have another size");
                }
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += values[i];
                }
            }
            float[] mean = new float[sum.length];
            for (int i = 0; i < mean.length; i++) {
                mean[i] = (float) (sum[i] / snapshots.size());
            }
            float[] recomputed = batchNorm.get(e.getKey());
            CheckpointDirectory.copyInto(e.getValue(), recomputed == null ? mean : recomputed);
        }
    }

    private static Map<String, float[]> batchNormIn(Map<String, float[]> checkpoint) {
        Map<String, float[]> stored = new LinkedHashMap<>();
        checkpoint.forEach((key, values) -> {
            if (key.startsWith(BATCH_NORM_PREFIX)) {
                stored.put(key.substring(BATCH_NORM_PREFIX.length()), values);
            }
        });
        return stored;
    }

    private static Map<Integer, Map<String, float[]>> snapshotsIn(Map<String, float[]> checkpoint) {
        Map<Integer, Map<String, float[]>> stored = new TreeMap<>();
        checkpoint.forEach((key, values) -> {
            if (key.startsWith(PREFIX)) {
                int slash = key.indexOf('/', PREFIX.length());
                int epoch = Integer.parseInt(key.substring(PREFIX.length(), slash));
                stored.computeIfAbsent(epoch, k -> new LinkedHashMap<>()).put(key.substring(slash + 1), values);
            }
        });
        return stored;
    }
}
