package io.callface.stream.errors;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Output the broker refuses for good (too large) or that cannot be serialised goes to the dead-letter topic
 * (key and reason only: the oversized value would be refused again) instead of stopping the application.
 * Other send errors keep Kafka Streams' default: fail, so the transaction aborts and nothing is lost.
 */
public final class DeadLetterProductionHandler implements ProductionExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProductionHandler.class);
    private DeadLetters deadLetters;

    @Override
    public void configure(Map<String, ?> configs) {
        deadLetters = DeadLetters.fromConfigs(configs, "production");
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
        if (!(exception instanceof RecordTooLargeException)) {
            return Response.fail();
        }
        int size = record.value() == null ? 0 : record.value().length;
        String reason = "output to " + record.topic() + " too large for the broker (" + size + " bytes): "
                + DeadLetters.reasonOf(exception);
        LOG.warn("Dead-lettering: {}", reason);
        return Response.resume(deadLetters.of(context, record.key(), null, reason, exception));
    }

    @Override
    public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record, Exception exception,
                                             SerializationExceptionOrigin origin) {
        String reason = "cannot serialise output " + origin.name().toLowerCase() + " for " + record.topic() + ": "
                + DeadLetters.reasonOf(exception);
        LOG.warn("Dead-lettering: {}", reason);
        return Response.resume(deadLetters.of(context, context.sourceRawKey(), context.sourceRawValue(), reason, exception));
    }
}
