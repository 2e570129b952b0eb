package io.callface.trainer;

import io.callface.avro.AvatarEvent;
import io.callface.serde.AvroSerde;
import io.callface.serde.SchemaRegistryClients;
import io.callface.stream.demo.DemoStack;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** A consumer of a running {@link DemoStack}'s avatar topic, as a conferencing UI reads it (committed records only). */
public final class AvatarConsumers {
    private AvatarConsumers() {
    }

    public static KafkaConsumer<String, AvatarEvent> of(DemoStack stack, String group) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(props, new StringDeserializer(),
                new AvroSerde<>(SchemaRegistryClients.forUrl(stack.registryUrl()), AvatarEvent.class).deserializer());
    }
}
