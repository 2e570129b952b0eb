package io.callface.stream.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.callface.stream.embedded.EmbeddedKafkaBroker;

/** The extension hands one running broker to the class, its tests and its nested classes. */
@Tag("integration")
class KafkaBrokerExtensionIT {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @Test
    void injectsTheRunningBroker(EmbeddedKafkaBroker broker) throws ExecutionException, InterruptedException {
        assertThat(broker).isSameAs(KAFKA.broker());
        assertThat(broker.admin().describeCluster().nodes().get()).hasSize(1);
    }

    @Test
    void createTopicsAcceptsExistingTopics() throws ExecutionException, InterruptedException {
        List<NewTopic> topics = List.of(new NewTopic("avatars", 2, (short) 1), new NewTopic("audio", 4, (short) 1));

        KAFKA.broker().createTopics(topics);
        KAFKA.broker().createTopics(topics);

        assertThat(KAFKA.broker().admin().listTopics().names().get()).contains("avatars", "audio");
    }

    @Nested
    class NestedTests {

        @Test
        void shareTheOuterBroker(EmbeddedKafkaBroker broker) {
            assertThat(broker).isSameAs(KAFKA.broker());
            assertThat(broker.bootstrapServers()).isEqualTo(KAFKA.bootstrapServers());
        }
    }
}
