package io.callface.stream.loadtest;

import java.util.Locale;

/**
 * Who a thread of a bench process works for, told by its name: the load runs share one JVM between the
 * stream processor, the broker and registry it talks to, and the harness that plays the callers, so the
 * process's CPU time alone cannot say what the application costs.
 */
public enum ThreadRole {
    /**
     * Stream threads and the application's Kafka clients (their names carry the application id) and its other
     * threads (named {@code callface-...}: model releases, web broadcasts).
     */
    STREAM_PROCESSOR("stream processor"),
    /** The micro-batcher's thread, which runs the ONNX sessions (intra-op work included when it is 1 thread). */
    INFERENCE("inference"),
    /** The load generator, the avatar collector, the samplers and their Kafka clients. */
    LOAD_HARNESS("load harness"),
    /** Every other Java thread: the in-process broker and controller, the registry, the web server. */
    BROKER_AND_OTHER("broker, registry, other"),
    /** Process CPU no Java thread accounts for: garbage collection, JIT compilation, native pools, ended threads. */
    JVM_AND_NATIVE("GC, JIT, native");

    static final String INFERENCE_THREAD = "callface-inference";
    static final String HARNESS_PREFIX = "callface-load";
    static final String APPLICATION_PREFIX = "callface-";

    private final String label;

    ThreadRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The role of a live Java thread called {@code threadName} in a process whose application id is {@code applicationId}. */
    static ThreadRole of(String threadName, String applicationId) {
        String name = threadName.toLowerCase(Locale.ROOT);
        if (name.equals(INFERENCE_THREAD)) {
            return INFERENCE;
        }
        if (name.contains(HARNESS_PREFIX)) {
            return LOAD_HARNESS;
        }
        if (name.contains(applicationId.toLowerCase(Locale.ROOT)) || name.startsWith(APPLICATION_PREFIX)) {
            return STREAM_PROCESSOR;
        }
        return BROKER_AND_OTHER;
    }
}
