package io.callface.stream.inference;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.providers.OrtCUDAProviderOptions;
import java.nio.ByteBuffer;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds ONNX Runtime sessions following {@link InferenceOptions}: CUDA when it is asked for (or AUTO) and
 * starts, CPU otherwise, and logs which provider serves each model and why.
 *
 * <p>{@code SessionOptions.addCUDA} throws when the CUDA or cuDNN libraries are missing; that is caught and the
 * session is rebuilt on CPU, so a GPU build still runs on a machine without a GPU. cuDNN convolution algorithm
 * search is set to {@code HEURISTIC} so that the first run of every new input shape is not slow.
 */
public final class SessionFactory {
    private static final Logger LOG = LoggerFactory.getLogger(SessionFactory.class);

    private final OrtEnvironment environment;
    private final InferenceOptions options;

    public SessionFactory(OrtEnvironment environment, InferenceOptions options) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Opens a session on the serialised model.
     *
     * @param modelName name used in logs and errors (e.g. the file name)
     * @param model     the ONNX model bytes, from its position to its limit (copied once when not direct, as
     *                  ONNX Runtime reads only direct buffers)
     * @throws InferenceException when ONNX Runtime cannot build a CPU session either
     */
    public ServingSession open(String modelName, ByteBuffer model) {
        Objects.requireNonNull(modelName, "modelName");
        ByteBuffer modelBytes = direct(Objects.requireNonNull(model, "model"));
        String cpuReason;
        if (options.provider() == ProviderPreference.CPU) {
            cpuReason = "CPU was requested";
        } else if (!OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA)) {
            cpuReason = "this ONNX Runtime build has no CUDA provider (the onnxruntime_gpu artifact has)";
            logFallback(modelName, cpuReason);
        } else {
            try {
                OrtSession session = openOnCuda(modelBytes.duplicate());
                LOG.info("{} served by CUDA on device {} (preference {}, GPU memory limit {})", modelName,
                        options.cudaDeviceId(), options.provider(), describeMemoryLimit());
                return new ServingSession(session, OrtProvider.CUDA);
            } catch (OrtException e) {
                cpuReason = "the CUDA provider failed to start: " + e.getMessage();
                logFallback(modelName, cpuReason);
            }
        }
        try {
            OrtSession session = openOnCpu(modelBytes.duplicate());
            LOG.info("{} served by CPU with {} intra-op threads: {}", modelName,
                    options.intraOpThreads() == 0 ? "default" : options.intraOpThreads(), cpuReason);
            return new ServingSession(session, OrtProvider.CPU);
        } catch (OrtException e) {
            throw new InferenceException("ONNX Runtime cannot load " + modelName + ": " + e.getMessage(), e);
        }
    }

    private OrtSession openOnCuda(ByteBuffer model) throws OrtException {
        try (OrtSession.SessionOptions sessionOptions = baseOptions();
             OrtCUDAProviderOptions cuda = new OrtCUDAProviderOptions(options.cudaDeviceId())) {
            cuda.add("cudnn_conv_algo_search", "HEURISTIC");
            if (options.gpuMemoryLimitBytes() > 0) {
                cuda.add("gpu_mem_limit", Long.toString(options.gpuMemoryLimitBytes()));
            }
            sessionOptions.addCUDA(cuda);
            return environment.createSession(model, sessionOptions);
        }
    }

    private OrtSession openOnCpu(ByteBuffer model) throws OrtException {
        try (OrtSession.SessionOptions sessionOptions = baseOptions()) {
            return environment.createSession(model, sessionOptions);
        }
    }

    private OrtSession.SessionOptions baseOptions() throws OrtException {
        OrtSession.SessionOptions sessionOptions = new OrtSession.SessionOptions();
        try {
            sessionOptions.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            sessionOptions.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            if (options.intraOpThreads() > 0) {
                sessionOptions.setIntraOpNumThreads(options.intraOpThreads());
            }
            // Idle intra-op workers would otherwise spin, taking cores the stream threads need.
            sessionOptions.addConfigEntry("session.intra_op.allow_spinning", "0");
            return sessionOptions;
        } catch (OrtException | RuntimeException e) {
            sessionOptions.close();
            throw e;
        }
    }

    private static ByteBuffer direct(ByteBuffer model) {
        if (model.isDirect()) {
            return model;
        }
        return ByteBuffer.allocateDirect(model.remaining()).put(model.duplicate()).flip();
    }

    private void logFallback(String modelName, String reason) {
        if (options.provider() == ProviderPreference.CUDA) {
            LOG.warn("{}: CUDA was requested but cannot serve, using CPU: {}", modelName, reason);
        } else {
            LOG.info("{}: CUDA not used: {}", modelName, reason);
        }
    }

    private String describeMemoryLimit() {
        return options.gpuMemoryLimitBytes() == 0 ? "none" : options.gpuMemoryLimitBytes() + " bytes";
    }
}
