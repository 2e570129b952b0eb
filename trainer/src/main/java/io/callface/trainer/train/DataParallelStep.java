package io.callface.trainer.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;

/**
 * One training step over the run's devices, data parallel as PyTorch's {@code DataParallel}: the mini-batch is cut into
 * one contiguous shard per device; the first device runs its shard on the parameters themselves, every other device on
 * copies of them ({@link MirroredParameters}); each shard's objective counts by its share of the batch, so after
 * {@link #gatherGradients()} the parameters hold the whole batch's gradient, ready for the optimiser on the first
 * device. Batch norm normalises each shard by the shard's own statistics, and only the first device's running
 * statistics are kept, as in {@code DataParallel}. With one device this is an ordinary step.
 */
final class DataParallelStep implements AutoCloseable {
    /**
     * Rows {@code from..to-1} of the mini-batch, run on {@code manager}'s device with {@code parameters}.
     *
     * @param share this shard's rows over the batch's: the weight of its objective in the step's
     */
    record Shard(int from, int to, float share, NDManager manager, ParameterStore parameters) {
        int size() {
            return to - from;
        }
    }

    private final List<Shard> shards = new ArrayList<>();

    /**
     * Shards a mini-batch of {@code batchSize} rows over {@code devices}; a batch smaller than the device count
     * leaves the last devices idle.
     *
     * @param parameters the manager that owns the parameters (on {@code devices.primary()})
     */
    DataParallelStep(NDManager parameters, TrainingDevices devices, int batchSize) {
        if (!parameters.getDevice().equals(devices.primary())) {
            throw new IllegalArgumentException("the parameters live on " + parameters.getDevice()
                    + ", the first training device is " + devices.primary());
        }
        int[] sizes = shardSizes(batchSize, devices.devices().size());
        int from = 0;
        for (int i = 0; i < sizes.length && sizes[i] > 0; i++) {
            Device device = devices.devices().get(i);
            NDManager manager = parameters.newSubManager(device);
            ParameterStore store = i == 0 ? new ParameterStore(manager, false) : new MirroredParameters(manager);
            shards.add(new Shard(from, from + sizes[i], (float) sizes[i] / batchSize, manager, store));
            from += sizes[i];
        }
    }

    /** Rows per device: as equal as they can be, the first devices taking one more where it does not divide. */
    static int[] shardSizes(int batchSize, int devices) {
        if (batchSize < 1 || devices < 1) {
            throw new IllegalArgumentException("batch " + batchSize + " over " + devices + " devices");
        }
        int[] sizes = new int[devices];
        for (int i = 0; i < devices; i++) {
            sizes[i] = batchSize / devices + (i < batchSize % devices ? 1 : 0);
        }
        return sizes;
    }

    List<Shard> shards() {
        return shards;
    }

    /** The first shard's manager: on the parameters' device, for the step's combined objective. */
    NDManager primary() {
        return shards.get(0).manager();
    }

    /**
     * The step's objective on the first device: the shards' objectives weighted by their shares. One backward pass of
     * it runs every device's part of the graph, each on its own device.
     */
    NDArray combine(List<NDArray> objectives) {
        NDArray total = null;
        for (int i = 0; i < objectives.size(); i++) {
            NDArray objective = objectives.get(i).toDevice(primary().getDevice(), false);
            // One shard (one device) multiplies by nothing, so a one-device run is the step it always was.
            NDArray weighted = objectives.size() == 1 ? objective : objective.mul(shards.get(i).share());
            total = total == null ? weighted : total.add(weighted);
        }
        return total;
    }

    /** After the backward pass: adds the replicas' gradients to the parameters'. */
    void gatherGradients() {
        for (Shard shard : shards) {
            if (shard.parameters() instanceof MirroredParameters mirrored) {
                mirrored.addGradientsToOriginals();
            }
        }
    }

    @Override
    public void close() {
        shards.forEach(shard -> shard.manager().close());
    }
}
