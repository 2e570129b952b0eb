package io.callface.stream.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.callface.avro.AudioChunk;
import io.callface.avro.AvatarEvent;
import io.callface.avro.DeadLetter;
import io.callface.avro.Encoding;
import io.callface.serde.AvroSerde;
import io.callface.serde.SchemaRegistryClient;
import io.callface.serde.SchemaRegistryClients;
import io.callface.stream.app.StreamsProperties;
import io.callface.stream.audio.Spectrogram;
import io.callface.stream.avatar.AvatarGenerator;
import io.callface.stream.config.AvatarStreamConfig;
import io.callface.stream.testing.FakeAvatars;
import io.callface.stream.window.SpeakerWindow;
import io.callface.stream.window.SpeakerWindowProcessor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The windowing topology on {@link TopologyTestDriver} with a fake model that records what it was given. */
class AvatarTopologyTest {
    private static final int CHUNK_SAMPLES = 320; // 20 ms at 16 kHz
    private static final int CHUNKS_PER_WINDOW = 300; // 6 s

    private final List<SpeakerWindow> windows = new ArrayList<>();
    private TopologyTestDriver driver;
    private TestInputTopic<String, AudioChunk> audio;
    private TestInputTopic<byte[], byte[]> rawAudio;
    private TestOutputTopic<String, AvatarEvent> avatars;
    private TestOutputTopic<byte[], DeadLetter> deadLetters;

    @BeforeEach
    void startDriver() {
        String registryUrl = "mock://" + UUID.randomUUID();
        AvatarStreamConfig config = new AvatarStreamConfig(Map.of(
                AvatarStreamConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092",
                AvatarStreamConfig.SCHEMA_REGISTRY_URL_CONFIG, registryUrl,
                AvatarStreamConfig.MODEL_DIR_CONFIG, "unused"));
        SchemaRegistryClient registry = SchemaRegistryClients.forUrl(registryUrl);
        AvroSerde<AudioChunk> audioSerde = new AvroSerde<>(registry, AudioChunk.class);
        AvroSerde<AvatarEvent> avatarSerde = new AvroSerde<>(registry, AvatarEvent.class);
        AvatarGenerator fake = window -> {
            windows.add(window);
            return FakeAvatars.of(window);
        };
        Properties props = StreamsProperties.from(config);
        driver = new TopologyTestDriver(AvatarTopology.build(config, fake, audioSerde, avatarSerde), props);
        audio = driver.createInputTopic(config.audioTopic(), Serdes.String().serializer(), audioSerde.serializer());
        rawAudio = driver.createInputTopic(config.audioTopic(), new ByteArraySerializer(), new ByteArraySerializer());
        avatars = driver.createOutputTopic(config.avatarsTopic(), Serdes.String().deserializer(), avatarSerde.deserializer());
        deadLetters = driver.createOutputTopic(config.dlqTopic(), Serdes.ByteArray().deserializer(),
                new AvroSerde<>(registry, DeadLetter.class).deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void sixSecondsOfAudioMakeOneAvatarFromTheExactSamplesInSequenceOrder() {
        feed("call-1", "alice", 0, CHUNKS_PER_WINDOW, false);

        List<KeyValue<String, AvatarEvent>> out = avatars.readKeyValuesToList();
        assertThat(out).hasSize(1);
        assertThat(out.get(0).key).isEqualTo("call-1/alice");
        assertThat(out.get(0).value.getWindowIndex()).isZero();
        assertThat(out.get(0).value.getProvisional()).isFalse();
        SpeakerWindow window = windows.get(0);
        assertThat(window.frames()).isEqualTo(598);
        float[] expected = new Spectrogram().compute(asDecodedPcm16(ramp(0, CHUNKS_PER_WINDOW)));
        assertThat(window.spectrogram()).containsExactly(expected);
    }

    @Test
    void windowsFollowOneAnotherAndEntriesAreDeletedOnceAssembled() {
        feed("call-1", "alice", 0, CHUNKS_PER_WINDOW * 2 + 10, false);

        assertThat(avatars.readValuesToList()).extracting(AvatarEvent::getWindowIndex).containsExactly(0L, 1L);
        assertThat(chunkEntries()).hasSize(10);
    }

    @Test
    void endOfStreamFlushesAProvisionalWindowAndDeletesEverything() {
        feed("call-1", "bob", 0, 200, true); // 4 s, above the 3 s minimum

        List<AvatarEvent> out = avatars.readValuesToList();
        assertThat(out).hasSize(1);
        assertThat(out.get(0).getProvisional()).isTrue();
        assertThat(out.get(0).getVoicedSeconds()).isEqualTo(4.0f);
        assertThat(chunkEntries()).isEmpty();
        KeyValueStore<String, byte[]> headers = driver.getKeyValueStore(SpeakerWindowProcessor.HEADER_STORE);
        assertThat(headers.get("call-1/bob")).isNull();
    }

    @Test
    void endOfStreamBelowTheMinimumDiscardsTheAudio() {
        feed("call-1", "bob", 0, 100, true); // 2 s

        assertThat(avatars.isEmpty()).isTrue();
        assertThat(chunkEntries()).isEmpty();
    }

    @Test
    void chunksWithoutConsentAreNeverBufferedAndWithdrawalDeletesState() {
        feed("call-1", "carol", 0, 50, false);
        assertThat(chunkEntries()).hasSize(50);

        audio.pipeInput("call-1/carol", chunk("call-1", "carol", 50, false, false));

        assertThat(chunkEntries()).isEmpty();
        assertThat(avatars.isEmpty()).isTrue();
    }

    @Test
    void duplicateChunksAreDropped() {
        feed("call-1", "dave", 0, 100, false);
        feed("call-1", "dave", 0, 100, false);

        assertThat(chunkEntries()).hasSize(100);
    }

    @Test
    void speakersAreWindowedSeparately() {
        for (int seq = 0; seq < CHUNKS_PER_WINDOW; seq++) {
            audio.pipeInput("c/a", chunk("c", "a", seq, true, false));
            audio.pipeInput("c/b", chunk("c", "b", seq, true, false));
        }
        assertThat(avatars.readKeyValuesToList()).extracting(kv -> kv.key).containsExactlyInAnyOrder("c/a", "c/b");
    }

    /** The dead letter itself is checked on a real broker (DeadLetterIT): the test driver does not emit it. */
    @Test
    void undecodableBytesDoNotStopProcessing() {
        rawAudio.pipeInput("call-1/x".getBytes(), new byte[] {1, 2, 3});
        feed("call-1", "alice", 0, CHUNKS_PER_WINDOW, false);

        assertThat(avatars.readValuesToList()).hasSize(1);
    }

    @Test
    void badAudioAndWrongKeysGoToTheDeadLetterTopicWithTheirReason() {
        AudioChunk odd = chunk("call-1", "erin", 0, true, false);
        odd.setPayload(ByteBuffer.wrap(new byte[] {1, 2, 3}));
        audio.pipeInput("call-1/erin", odd);
        audio.pipeInput("call-1", chunk("call-1", "erin", 1, true, false));

        List<DeadLetter> letters = deadLetters.readValuesToList();
        assertThat(letters).hasSize(2);
        assertThat(letters.get(0).getReason()).contains("payload");
        assertThat(letters.get(0).getSourceTopic()).isEqualTo("callface.audio");
        assertThat(letters.get(1).getReason()).contains("key").contains("call-1/erin");
    }

    private List<Bytes> chunkEntries() {
        KeyValueStore<Bytes, byte[]> store = driver.getKeyValueStore(SpeakerWindowProcessor.CHUNK_STORE);
        List<Bytes> keys = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> all = store.all()) {
            all.forEachRemaining(kv -> keys.add(kv.key));
        }
        return keys;
    }

    private void feed(String call, String participant, int firstSeq, int count, boolean endOfStream) {
        for (int seq = firstSeq; seq < firstSeq + count; seq++) {
            boolean last = endOfStream && seq == firstSeq + count - 1;
            audio.pipeInput(call + "/" + participant, chunk(call, participant, seq, true, last));
        }
    }

    /** Chunk {@code seq} carries samples {@code seq*320 ..} of a deterministic ramp-like signal. */
    private static AudioChunk chunk(String call, String participant, int seq, boolean consent, boolean end) {
        float[] samples = ramp(seq, 1);
        ByteBuffer pcm = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (float s : samples) {
            pcm.putShort((short) Math.round(s * 32767));
        }
        return AudioChunk.newBuilder().setCallId(call).setParticipantId(participant).setSequence(seq)
                .setCaptureTimestamp(Instant.ofEpochMilli(1_700_000_000_000L + seq * 20L)).setSampleRate(16_000)
                .setChannels(1).setEncoding(Encoding.PCM_S16LE).setPayload(ByteBuffer.wrap(pcm.array()))
                .setConsent(consent).setEndOfStream(end).build();
    }

    private static float[] ramp(int firstChunk, int chunks) {
        float[] samples = new float[chunks * CHUNK_SAMPLES];
        for (int i = 0; i < samples.length; i++) {
            int n = firstChunk * CHUNK_SAMPLES + i;
            samples[i] = (float) (0.5 * Math.sin(2 * Math.PI * 220 * n / 16_000.0) * Math.sin(n / 3000.0));
        }
        return samples;
    }

    private static float[] asDecodedPcm16(float[] samples) {
        float[] out = new float[samples.length];
        for (int i = 0; i < samples.length; i++) {
            out[i] = Math.round(samples[i] * 32767) / 32768f;
        }
        return out;
    }
}
