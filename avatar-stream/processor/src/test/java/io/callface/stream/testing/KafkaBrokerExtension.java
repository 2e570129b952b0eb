package io.callface.stream.testing;

import java.util.Objects;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import io.callface.stream.embedded.EmbeddedKafkaBroker;

/**
 * One real in-process Kafka broker per test class: started before the first test, closed after the last.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();
 *
 * @Test
 * void roundTrip() {
 *     KAFKA.broker().createTopics(List.of(new NewTopic("audio", 3, (short) 1)));
 *     ... KAFKA.bootstrapServers() ...
 * }
 * }</pre>
 *
 * <p>{@code @ExtendWith(KafkaBrokerExtension.class)} works too; tests then receive the broker as an
 * {@link EmbeddedKafkaBroker} parameter. Topics stay for the whole class, so tests should use distinct names.
 */
public final class KafkaBrokerExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private final EmbeddedKafkaBroker.Settings settings;
    private EmbeddedKafkaBroker broker;
    /** The class context that started the broker; {@code @Nested} classes share it instead of starting another. */
    private String ownerId;

    /** A broker with a temporary data directory on free ports. */
    public KafkaBrokerExtension() {
        this(EmbeddedKafkaBroker.Settings.defaults());
    }

    public KafkaBrokerExtension(EmbeddedKafkaBroker.Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (broker == null) {
            broker = EmbeddedKafkaBroker.start(settings);
            ownerId = context.getUniqueId();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (broker != null && context.getUniqueId().equals(ownerId)) {
            broker.close();
            broker = null;
            ownerId = null;
        }
    }

    /** The running broker; only valid between the class's first and last test. */
    public EmbeddedKafkaBroker broker() {
        if (broker == null) {
            throw new IllegalStateException("The Kafka broker runs only while the test class runs");
        }
        return broker;
    }

    public String bootstrapServers() {
        return broker().bootstrapServers();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == EmbeddedKafkaBroker.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return broker();
    }
}
