package io.callface.stream.errors;

import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record whose processing failed (bad audio, a contract breach, an inference error) goes to the
 * dead-letter topic with the source's raw bytes; processing resumes. Null-safe for punctuator failures,
 * which arrive with no record.
 */
public final class DeadLetterProcessingHandler implements ProcessingExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProcessingHandler.class);
    private DeadLetters deadLetters;

    @Override
    public void configure(Map<String, ?> configs) {
        deadLetters = DeadLetters.fromConfigs(configs, "processing");
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        String reason = DeadLetters.reasonOf(exception);
        LOG.warn("Dead-lettering a record that failed in {}: {}", context.processorNodeId(), reason);
        byte[] key = context.sourceRawKey();
        byte[] value = context.sourceRawValue();
        return Response.resume(deadLetters.of(context, key, value, reason, exception));
    }
}
