package io.callface.stream.web;

/** The latest avatars cannot be read now (starting, rebalancing, or a peer instance unreachable); retry. */
public final class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String message) {
        super(message);
    }

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
