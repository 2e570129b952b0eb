package io.callface.trainer.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The devices a training run uses, as {@code train --devices} names them: {@code cpu} (the default), {@code gpu} (every
 * GPU PyTorch sees) or a comma-separated list such as {@code gpu0,gpu1}. The first holds the parameters and the
 * optimiser's state; with more than one, every mini-batch is split across them ({@link DataParallelStep}).
 * {@code cpu,cpu} runs two replicas on the CPU: no faster, but it takes the data-parallel path on a machine without a
 * GPU. CPUs and GPUs do not mix (the CPU would pace every step).
 */
public record TrainingDevices(List<Device> devices) {
    /** One CPU: the default, and the only choice of a trainer built without {@code -Pgpu}. */
    public static final TrainingDevices CPU = new TrainingDevices(List.of(Device.cpu()));

    private static final String ENGINE = "PyTorch";

    public TrainingDevices {
        devices = List.copyOf(devices);
        if (devices.isEmpty()) {
            throw new IllegalArgumentException("name at least one device");
        }
        Set<String> types = devices.stream().map(Device::getDeviceType).collect(Collectors.toSet());
        if (types.size() > 1) {
            throw new IllegalArgumentException("devices " + names(devices) + " mix CPU and GPU; the CPU would pace every step");
        }
        Set<Device> gpus = new HashSet<>();
        for (Device device : devices) {
            if (device.isGpu() && !gpus.add(device)) {
                throw new IllegalArgumentException("devices " + names(devices) + " name " + name(device) + " twice");
            }
        }
    }

    /** {@link #parse(String, int)} against the GPUs PyTorch sees on this machine. */
    public static TrainingDevices parse(String spec) {
        boolean wantsGpu = spec.toLowerCase(Locale.ROOT).contains("gpu");
        return parse(spec, wantsGpu ? Engine.getEngine(ENGINE).getGpuCount() : 0);
    }

    /**
     * Reads a {@code --devices} value, given how many GPUs are visible.
     *
     * @throws IllegalArgumentException naming what is wrong: an unknown name, a GPU that is not there (with how many
     *                                  are), or a GPU asked of a machine or build that has none
     */
    public static TrainingDevices parse(String spec, int visibleGpus) {
        List<Device> devices = new ArrayList<>();
        for (String token : spec.split(",", -1)) {
            String name = token.strip().toLowerCase(Locale.ROOT);
            if (name.equals("cpu")) {
                devices.add(Device.cpu());
            } else if (name.equals("gpu")) {
                requireGpus(name, visibleGpus);
                IntStream.range(0, visibleGpus).mapToObj(Device::gpu).forEach(devices::add);
            } else if (name.matches("gpu\\d{1,4}")) {
                int index = Integer.parseInt(name.substring(3));
                requireGpus(name, visibleGpus);
                if (index >= visibleGpus) {
                    throw new IllegalArgumentException("device " + name + ": PyTorch sees " + visibleGpus + " GPU"
                            + (visibleGpus == 1 ? "" : "s") + " (gpu0 to gpu" + (visibleGpus - 1) + ")");
                }
                devices.add(Device.gpu(index));
            } else {
                throw new IllegalArgumentException("device '" + token.strip() + "': use cpu, gpu (every GPU) or gpuN, "
                        + "comma-separated");
            }
        }
        return new TrainingDevices(devices);
    }

    private static void requireGpus(String name, int visibleGpus) {
        if (visibleGpus == 0) {
            throw new IllegalArgumentException("device " + name + ": PyTorch sees no GPU. GPUs need the trainer built "
                    + "with -Pgpu (CUDA natives) and a CUDA driver (nvidia-smi lists the GPUs)");
        }
    }

    /** Where the parameters and the optimiser's state live. */
    public Device primary() {
        return devices.get(0);
    }

    /** Whether every mini-batch is split across more than one device. */
    public boolean parallel() {
        return devices.size() > 1;
    }

    @Override
    public String toString() {
        return names(devices);
    }

    private static String names(List<Device> devices) {
        return devices.stream().map(TrainingDevices::name).collect(Collectors.joining(","));
    }

    /** The name {@code --devices} takes: cpu or gpuN. */
    private static String name(Device device) {
        return device.isGpu() ? "gpu" + device.getDeviceId() : "cpu";
    }
}
