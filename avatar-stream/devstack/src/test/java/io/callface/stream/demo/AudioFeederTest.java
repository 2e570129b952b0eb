package io.callface.stream.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callface.avro.AudioChunk;
import io.callface.avro.Encoding;
import io.callface.stream.window.SpeakerId;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class AudioFeederTest {
    @Test
    void publishesTwentyMillisecondChunksInSequenceWithEndOfStreamOnTheLast() throws Exception {
        MockProducer<String, AudioChunk> producer = new MockProducer<>(true, null, new StringSerializer(), (topic, chunk) -> new byte[0]);
        float[] samples = new float[16_000 / 50 * 3 + 100]; // three full chunks and a partial one
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (i % 100) / 100f - 0.5f;
        }
        try (AudioFeeder feeder = new AudioFeeder(producer, "callface.audio")) {
            feeder.start(List.of(new CallerAudio(new SpeakerId("c", "p"), samples, 16_000)), 1000).get(10, TimeUnit.SECONDS);
        }

        List<ProducerRecord<String, AudioChunk>> sent = producer.history();
        assertThat(sent).hasSize(4);
        assertThat(sent).extracting(ProducerRecord::key).containsOnly("c/p");
        assertThat(sent).extracting(r -> r.value().getSequence()).containsExactly(0L, 1L, 2L, 3L);
        assertThat(sent).extracting(r -> r.value().getEndOfStream()).containsExactly(false, false, false, true);
        assertThat(sent).allSatisfy(r -> {
            assertThat(r.value().getConsent()).isTrue();
            assertThat(r.value().getEncoding()).isEqualTo(Encoding.PCM_S16LE);
        });
        ByteBuffer first = sent.get(0).value().getPayload();
        assertThat(first.remaining()).isEqualTo(640);
        assertThat(sent.get(3).value().getPayload().remaining()).isEqualTo(200);
        short second = first.order(java.nio.ByteOrder.LITTLE_ENDIAN).getShort(2);
        assertThat(second).isEqualTo((short) Math.round(samples[1] * 32767f));
    }

    @Test
    void aFailingSendEndsPublishingWithTheError() {
        MockProducer<String, AudioChunk> producer = new MockProducer<>(true, null, new StringSerializer(), (topic, chunk) -> {
            throw new IllegalStateException("broker gone");
        });
        try (AudioFeeder feeder = new AudioFeeder(producer, "t")) {
            CallerAudio caller = new CallerAudio(new SpeakerId("c", "p"), new float[3200], 16_000);
            assertThatThrownBy(() -> feeder.start(List.of(caller), 1000).get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasRootCauseMessage("broker gone");
        }
    }

    @Test
    void refusesNothingToPublishAndNonPositiveSpeed() {
        try (AudioFeeder feeder = new AudioFeeder(new MockProducer<>(), "t")) {
            assertThatThrownBy(() -> feeder.start(List.of(), 1.0)).isInstanceOf(IllegalArgumentException.class);
            CallerAudio caller = new CallerAudio(new SpeakerId("c", "p"), new float[320], 16_000);
            assertThatThrownBy(() -> feeder.start(List.of(caller), 0)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("speed");
        }
    }
}
