package io.callface.stream.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ThreadRoleTest {
    private static final String APP = "callface-bench";

    @Test
    void streamThreadsAndTheirClientsWorkForTheApplication() {
        assertThat(ThreadRole.of("callface-bench-3f1c-StreamThread-2", APP)).isEqualTo(ThreadRole.STREAM_PROCESSOR);
        assertThat(ThreadRole.of("kafka-producer-network-thread | callface-bench-3f1c-StreamThread-1-producer", APP))
                .isEqualTo(ThreadRole.STREAM_PROCESSOR);
        assertThat(ThreadRole.of("callface-model-releases", APP)).isEqualTo(ThreadRole.STREAM_PROCESSOR);
    }

    @Test
    void inferenceHarnessAndBrokerAreToldApart() {
        assertThat(ThreadRole.of("callface-inference", APP)).isEqualTo(ThreadRole.INFERENCE);
        assertThat(ThreadRole.of("callface-load-generator", APP)).isEqualTo(ThreadRole.LOAD_HARNESS);
        assertThat(ThreadRole.of("kafka-producer-network-thread | callface-load-audio-1", APP))
                .isEqualTo(ThreadRole.LOAD_HARNESS);
        assertThat(ThreadRole.of("data-plane-kafka-request-handler-0", APP)).isEqualTo(ThreadRole.BROKER_AND_OTHER);
        assertThat(ThreadRole.of("kafka-log-cleaner-thread-0", APP)).isEqualTo(ThreadRole.BROKER_AND_OTHER);
    }

    @Test
    void theApplicationIdDecidesNotAFixedName() {
        assertThat(ThreadRole.of("windows-eu-7a-StreamThread-1", "windows-eu")).isEqualTo(ThreadRole.STREAM_PROCESSOR);
        assertThat(ThreadRole.of("windows-eu-7a-StreamThread-1", APP)).isEqualTo(ThreadRole.BROKER_AND_OTHER);
    }
}
