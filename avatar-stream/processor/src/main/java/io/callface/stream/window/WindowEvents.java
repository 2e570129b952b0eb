package io.callface.stream.window;

/** What the windowing stage tells metrics about: every chunk is accepted, dropped for a reason, or lost. */
public interface WindowEvents {
    /** Why a chunk was not buffered. */
    enum Drop { NO_CONSENT, DUPLICATE, LATE, UNVOICED }

    WindowEvents NONE = new WindowEvents() {
    };

    default void chunkIn() {
    }

    default void chunkDropped(Drop reason) {
    }

    /** Chunks never received within the reorder window: their audio is missing from the window. */
    default void chunksLost(long count) {
    }

    default void windowEmitted(boolean provisional) {
    }

    /** From the processing of a window's last chunk to its avatar being handed on. */
    default void windowLatency(long nanos) {
    }

    /** A window whose avatar could not be made (the model failed); its audio is discarded. */
    default void windowFailed() {
    }

    default void speakerStarted() {
    }

    default void speakerEnded() {
    }
}
