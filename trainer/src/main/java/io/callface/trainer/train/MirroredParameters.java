package io.callface.trainer.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A replica's parameters for one step of {@link DataParallelStep}: the blocks ask it for their parameters, and it hands
 * out copies on its device, made once per step and detached from the originals, so the replica's backward pass leaves
 * its gradients on the copies; {@link #addGradientsToOriginals} then adds them to the originals'. DJL's own
 * {@link ParameterStore} mirrors to other devices only through a parameter server (DJL's optimiser, not our Adam with
 * its checkpointed moments), and a copy it makes keeps an autograd link to the original only when made inside a
 * gradient collector; the voice stage makes its copies before one (for the clean twins), so ours are always detached.
 */
final class MirroredParameters extends ParameterStore {
    private record Mirror(Parameter original, NDArray copy, boolean learns) {
    }

    private final NDManager manager;
    private final Map<String, Mirror> mirrors = new LinkedHashMap<>();

    /** Copies go to {@code manager}'s device and are freed with it. */
    MirroredParameters(NDManager manager) {
        super(manager, true);
        this.manager = manager;
    }

    @Override
    public NDArray getValue(Parameter parameter, Device device, boolean training) {
        if (parameter == null) {
            return null;
        }
        if (!device.equals(manager.getDevice())) {
            throw new IllegalStateException("a replica on " + manager.getDevice() + " was asked for parameter "
                    + parameter.getName() + " on " + device);
        }
        return mirrors.computeIfAbsent(parameter.getId(), id -> mirror(parameter, training)).copy();
    }

    private Mirror mirror(Parameter parameter, boolean training) {
        NDArray copy;
        try (NDArray detached = parameter.getArray().stopGradient()) {
            // PyTorch's to() returns the tensor itself on its own device; a replica there needs storage of its own.
            copy = detached.getDevice().equals(manager.getDevice()) ? detached.duplicate()
                    : detached.toDevice(manager.getDevice(), true);
        }
        copy.attach(manager);
        // Whatever the forward's training flag (it only switches batch norm), a parameter that learns gets the
        // replica's gradient, as the original gets the first shard's.
        boolean learns = parameter.requiresGradient();
        if (learns) {
            copy.setRequiresGradient(true);
        }
        return new Mirror(parameter, copy, learns);
    }

    /** Adds the gradient each learning copy received to its original's, on the original's device. */
    void addGradientsToOriginals() {
        for (Mirror mirror : mirrors.values()) {
            if (!mirror.learns()) {
                continue;
            }
            NDArray original = mirror.original().getArray();
            try (NDArray replica = mirror.copy().getGradient();
                    NDArray moved = replica.toDevice(original.getDevice(), true);
                    NDArray target = original.getGradient()) {
                target.addi(moved);
            }
        }
    }
}
