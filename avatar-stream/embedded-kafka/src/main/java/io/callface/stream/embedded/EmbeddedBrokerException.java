package io.callface.stream.embedded;

/** The embedded Kafka broker could not be formatted, started, reached or used. */
public final class EmbeddedBrokerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EmbeddedBrokerException(String message) {
        super(message);
    }

    public EmbeddedBrokerException(String message, Throwable cause) {
        super(message, cause);
    }
}
