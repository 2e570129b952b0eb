package io.callface.serde;

import java.util.Objects;

/** Confluent's default subject naming: {@code <topic>-key} and {@code <topic>-value}. */
public final class TopicNameStrategy {

    private TopicNameStrategy() {
    }

    /** The subject under which records of {@code topic} register their key or value schema. */
    public static String subject(String topic, boolean isKey) {
        Objects.requireNonNull(topic, "topic");
        return topic + (isKey ? "-key" : "-value");
    }
}
