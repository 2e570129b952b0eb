package io.callface.stream.topology;

import static io.callface.stream.testing.TestAudio.CHUNKS_PER_WINDOW;
import static io.callface.stream.testing.TestAudio.asDecodedPcm16;
import static io.callface.stream.testing.TestAudio.silentChunk;
import static io.callface.stream.testing.TestAudio.voiced;
import static io.callface.stream.testing.TestAudio.voicedChunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.callface.avro.AudioChunk;
import io.callface.avro.AvatarEvent;
import io.callface.avro.DeadLetter;
import io.callface.serde.AvroSerde;
import io.callface.audio.Spectrogram;
import io.callface.stream.config.AvatarStreamConfig;
import io.callface.stream.testing.FakeAvatars;
import io.callface.stream.testing.RecordingWindowEvents;
import io.callface.stream.testing.TestAudio;
import io.callface.stream.window.SpeakerHeader;
import io.callface.stream.window.SpeakerWindow;
import io.callface.stream.window.SpeakerWindowProcessor;
import io.callface.stream.window.WindowEvents.Drop;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every windowing rule on {@link TopologyTestDriver}, with a fake model that records the windows it was given.
 * Chunks are 20 ms of 16 kHz PCM16, so 300 make a 6 s window and 150 the 3 s minimum.
 */
class AvatarTopologyTest {
    private final List<SpeakerWindow> windows = new ArrayList<>();
    private final RecordingWindowEvents events = new RecordingWindowEvents();
    private TopologyTestDriver driver;
    private TestInputTopic<String, AudioChunk> audio;
    private TestInputTopic<byte[], byte[]> rawAudio;
    private TestOutputTopic<String, AvatarEvent> avatars;
    private TestOutputTopic<byte[], DeadLetter> deadLetters;

    private void start(Map<String, Object> overrides) {
        TopologyHarness harness = new TopologyHarness(overrides, (window, fuser) -> {
            windows.add(window);
            return FakeAvatars.of(window, fuser);
        }, events);
        driver = harness.driver;
        audio = harness.audio;
        avatars = harness.avatars;
        rawAudio = driver.createInputTopic(harness.config.audioTopic(), new ByteArraySerializer(), new ByteArraySerializer());
        deadLetters = driver.createOutputTopic(harness.config.dlqTopic(), Serdes.ByteArray().deserializer(),
                new AvroSerde<>(harness.registry, DeadLetter.class).deserializer());
    }

    private AvatarEvent latestAvatar(String key) {
        KeyValueStore<String, AvatarEvent> store = driver.getKeyValueStore(LatestAvatarProcessor.STORE);
        return store.get(key);
    }

    private void start() {
        start(Map.of());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void aSpeakerGetsAProvisionalAvatarAtThreeSecondsThenTheFullWindowFromTheExactSamples() {
        start();
        feed("alice", 0, CHUNKS_PER_WINDOW);

        List<AvatarEvent> out = avatars.readValuesToList();
        assertThat(out).extracting(AvatarEvent::getWindowIndex, AvatarEvent::getProvisional)
                .containsExactly(tuple(0L, true), tuple(0L, false));
        assertThat(windows.get(0).audioSeconds()).isEqualTo(3.0f);
        SpeakerWindow full = windows.get(1);
        assertThat(full.frames()).isEqualTo(598);
        assertThat(full.voicedFraction()).isEqualTo(1f);
        assertThat(full.spectrogram()).containsExactly(spectrogramOf(voiced(0, CHUNKS_PER_WINDOW)));
        assertThat(events.provisional).isEqualTo(1);
        assertThat(events.full).isEqualTo(1);
    }

    @Test
    void outOfOrderChunksWithinTheReorderWindowArePlacedBySequence() {
        start();
        for (int seq = 0; seq < CHUNKS_PER_WINDOW; seq += 2) {
            audio.pipeInput("c/alice", voicedChunk("c", "alice", seq + 1, false));
            audio.pipeInput("c/alice", voicedChunk("c", "alice", seq, false));
        }

        SpeakerWindow full = lastFullWindow();
        assertThat(full.spectrogram()).containsExactly(spectrogramOf(voiced(0, CHUNKS_PER_WINDOW)));
        assertThat(events.lost).isZero();
    }

    @Test
    void aSpeakerFirstHeardMidCallStartsAtItsFirstChunkWithoutCountingLoss() {
        start();
        feed("nora", 500, CHUNKS_PER_WINDOW); // consent given mid-call: sequences start at 500

        assertThat(lastFullWindow().spectrogram()).containsExactly(spectrogramOf(voiced(500, CHUNKS_PER_WINDOW)));
        assertThat(events.lost).isZero();
    }

    @Test
    void duplicatesAreDroppedAndCounted() {
        start();
        feed("dave", 0, 100);
        feed("dave", 90, 20); // 90..99 again, then 100..109 new
        audio.pipeInput("c/dave", voicedChunk("c", "dave", 115, false)); // waiting ahead of a gap
        audio.pipeInput("c/dave", voicedChunk("c", "dave", 115, false)); // and its duplicate

        assertThat(events.dropped(Drop.DUPLICATE)).isEqualTo(11);
        assertThat(chunkEntries()).hasSize(111);
    }

    @Test
    void aGapLongerThanTheReorderWindowIsLostAudioNotZeros() {
        start();
        feed("erin", 0, 100);
        feed("erin", 110, CHUNKS_PER_WINDOW - 100); // chunks 100..109 never arrive

        assertThat(events.lost).isEqualTo(10);
        float[] received = concat(voiced(0, 100), voiced(110, CHUNKS_PER_WINDOW - 100));
        assertThat(lastFullWindow().spectrogram()).containsExactly(spectrogramOf(received));
    }

    @Test
    void aChunkOlderThanAnEmittedWindowIsDeadLetteredAsLate() {
        start();
        feed("frank", 0, CHUNKS_PER_WINDOW + 5);
        audio.pipeInput("c/frank", voicedChunk("c", "frank", 42, false));

        List<DeadLetter> letters = deadLetters.readValuesToList();
        assertThat(letters).singleElement().satisfies(letter -> {
            assertThat(letter.getReason()).contains("chunk 42").contains("after its window was emitted");
            assertThat(letter.getErrorClass()).endsWith("LateChunkException");
        });
    }

    @Test
    void silenceDoesNotFillAWindowAndTheVoicedShareIsReported() {
        start();
        for (int seq = 0; seq < 100; seq++) {
            audio.pipeInput("c/gina", silentChunk("c", "gina", seq));
        }
        assertThat(chunkEntries()).isEmpty();
        assertThat(events.dropped(Drop.UNVOICED)).isEqualTo(100);

        for (int seq = 100; seq < 100 + CHUNKS_PER_WINDOW; seq++) {
            audio.pipeInput("c/gina", voicedChunk("c", "gina", seq, false));
        }
        SpeakerWindow full = lastFullWindow();
        assertThat(full.voicedFraction()).isEqualTo(300f / 400f);
        assertThat(full.spectrogram()).containsExactly(spectrogramOf(voiced(100, CHUNKS_PER_WINDOW)));
    }

    @Test
    void aThreeSecondHopGivesOverlappingWindows() {
        start(Map.of(AvatarStreamConfig.WINDOW_HOP_SECONDS_CONFIG, 3.0));
        feed("hank", 0, 2 * CHUNKS_PER_WINDOW);

        List<SpeakerWindow> full = windows.stream().filter(w -> !w.provisional()).toList();
        assertThat(full).extracting(SpeakerWindow::windowIndex).containsExactly(0L, 1L, 2L);
        assertThat(full.get(1).spectrogram()).containsExactly(spectrogramOf(voiced(150, CHUNKS_PER_WINDOW)));
        assertThat(chunkEntries()).hasSize(150);
    }

    @Test
    void endOfStreamFlushesTheRestAndDeletesEveryEntry() {
        start();
        feed("ivy", 0, 499);
        audio.pipeInput("c/ivy", voicedChunk("c", "ivy", 499, true)); // 10 s in all

        assertThat(avatars.readValuesToList())
                .extracting(AvatarEvent::getWindowIndex, AvatarEvent::getProvisional, AvatarEvent::getEndOfStream)
                .containsExactly(tuple(0L, true, false), tuple(0L, false, false),
                        tuple(1L, true, true));
        assertThat(windows.get(2).audioSeconds()).isEqualTo(4.0f);
        assertThat(latestAvatar("c/ivy").getEndOfStream()).isTrue();
        assertThat(chunkEntries()).isEmpty();
        assertThat(headers()).isEmpty();
        assertThat(events.activeSpeakers).isZero();
    }

    @Test
    void endOfStreamBelowTheMinimumDiscardsTheRest() {
        start();
        feed("jack", 0, CHUNKS_PER_WINDOW + 50);
        audio.pipeInput("c/jack", voicedChunk("c", "jack", CHUNKS_PER_WINDOW + 50, true)); // 1 s after the window

        // No last window is due: the end is told by repeating the latest avatar with endOfStream set.
        assertThat(avatars.readValuesToList())
                .extracting(AvatarEvent::getWindowIndex, AvatarEvent::getProvisional, AvatarEvent::getEndOfStream)
                .containsExactly(tuple(0L, true, false), tuple(0L, false, false), tuple(0L, false, true));
        assertThat(windows).hasSize(2);
        assertThat(chunkEntries()).isEmpty();
    }

    @Test
    void liveSpeakersNeverShareAChunkSlotAndAReusedSlotCarriesNothingOfItsLastHolder() {
        start();
        for (int i = 0; i < 100; i++) { // ann ends after 2 s, below the minimum; bob and cid go on
            audio.pipeInput("c/ann", voicedChunk("c", "ann", i, i == 99));
            audio.pipeInput("c/bob", voicedChunk("c", "bob", 1000 + i, false));
            audio.pipeInput("c/cid", voicedChunk("c", "cid", 2000 + i, false));
            if (i == 98) {
                assertThat(slots()).hasSize(3).doesNotHaveDuplicates();
            }
        }
        assertThat(headers()).containsExactlyInAnyOrder("c/bob", "c/cid");
        KeyValueStore<Bytes, byte[]> chunkStore = driver.getKeyValueStore(SpeakerWindowProcessor.CHUNK_STORE);
        List<Bytes> live = chunkEntries();
        // Leftovers of a speaker that is gone (as an at-least-once crash could leave): a slot's next holder must not see them.
        int freed = freeSlot();
        for (int seq = 0; seq < 50; seq++) {
            chunkStore.put(Bytes.wrap(ByteBuffer.allocate(12).putInt(freed).putLong(seq).array()), chunkStore.get(live.get(seq)));
        }

        for (int i = 0; i < CHUNKS_PER_WINDOW; i++) { // zoe joins and takes the freed slot
            audio.pipeInput("c/bob", voicedChunk("c", "bob", 1100 + i, false));
            audio.pipeInput("c/cid", voicedChunk("c", "cid", 2100 + i, false));
            audio.pipeInput("c/zoe", voicedChunk("c", "zoe", 3000 + i, false));
        }

        assertThat(slots()).hasSize(3).doesNotHaveDuplicates();
        KeyValueStore<String, byte[]> headerStore = driver.getKeyValueStore(SpeakerWindowProcessor.HEADER_STORE);
        assertThat(SpeakerHeader.fromBytes(headerStore.get("c/zoe")).slot()).isEqualTo(freed);
        Map<String, SpeakerWindow> firstFull = new HashMap<>();
        windows.stream().filter(w -> !w.provisional()).forEach(w -> firstFull.putIfAbsent(w.speaker().participantId(), w));
        assertThat(firstFull.get("bob").spectrogram()).containsExactly(spectrogramOf(voiced(1000, CHUNKS_PER_WINDOW)));
        assertThat(firstFull.get("cid").spectrogram()).containsExactly(spectrogramOf(voiced(2000, CHUNKS_PER_WINDOW)));
        assertThat(firstFull.get("zoe").spectrogram()).containsExactly(spectrogramOf(voiced(3000, CHUNKS_PER_WINDOW)));
        assertThat(chunkEntries()).as("bob's and cid's 100 chunks into their second windows").hasSize(200);
    }

    @Test
    void theLatestAvatarOfEverySpeakerIsKeptForQueries() {
        start();
        feed("nina", 0, CHUNKS_PER_WINDOW / 2);
        assertThat(latestAvatar("c/nina").getProvisional()).isTrue();

        feed("nina", CHUNKS_PER_WINDOW / 2, CHUNKS_PER_WINDOW / 2);
        AvatarEvent latest = latestAvatar("c/nina");
        assertThat(latest.getWindowIndex()).isZero();
        assertThat(latest.getProvisional()).isFalse();
        assertThat(latest.getEndOfStream()).isFalse();
    }

    @Test
    void aSpeakerWithoutAnyAvatarEndsSilently() {
        start();
        feed("otto", 0, 20);
        audio.pipeInput("c/otto", voicedChunk("c", "otto", 20, true));

        assertThat(avatars.isEmpty()).isTrue();
        assertThat(latestAvatar("c/otto")).isNull();
    }

    @Test
    void endedSpeakersLeaveTheLatestAvatarStoreAfterTheRetention() {
        start(Map.of(AvatarStreamConfig.ENDED_AVATAR_RETENTION_MS_CONFIG, 1_000L));
        feed("pia", 0, CHUNKS_PER_WINDOW);
        audio.pipeInput("c/pia", voicedChunk("c", "pia", CHUNKS_PER_WINDOW, true));
        assertThat(latestAvatar("c/pia").getEndOfStream()).isTrue();

        driver.advanceWallClockTime(Duration.ofSeconds(31));

        assertThat(latestAvatar("c/pia")).isNull();
    }

    @Test
    void anEarlyEndOfStreamWaitsForTheChunksBeforeIt() {
        start();
        feed("kim", 0, 198);
        audio.pipeInput("c/kim", voicedChunk("c", "kim", 199, true));
        assertThat(headers()).hasSize(1);

        audio.pipeInput("c/kim", voicedChunk("c", "kim", 198, false));
        assertThat(headers()).isEmpty();
        assertThat(chunkEntries()).isEmpty();
    }

    @Test
    void anIdleSpeakerIsFlushedByTheWallClockPunctuator() {
        start();
        feed("liam", 0, 450); // a full window and 3 s more

        driver.advanceWallClockTime(Duration.ofSeconds(31));

        assertThat(windows).extracting(SpeakerWindow::windowIndex, SpeakerWindow::provisional)
                .containsExactly(tuple(0L, true), tuple(0L, false),
                        tuple(1L, true));
        assertThat(chunkEntries()).isEmpty();
        assertThat(headers()).isEmpty();
    }

    @Test
    void chunksWithoutConsentAreNeverBufferedAndWithdrawalDeletesState() {
        start();
        AudioChunk noConsent = voicedChunk("c", "mia", 0, false);
        noConsent.setConsent(false);
        audio.pipeInput("c/mia", noConsent);
        assertThat(headers()).isEmpty();

        feed("mia", 1, 50);
        assertThat(chunkEntries()).hasSize(50);
        AudioChunk withdrawn = voicedChunk("c", "mia", 51, false);
        withdrawn.setConsent(false);
        audio.pipeInput("c/mia", withdrawn);

        assertThat(chunkEntries()).isEmpty();
        assertThat(headers()).isEmpty();
        assertThat(events.dropped(Drop.NO_CONSENT)).isEqualTo(2);
        assertThat(avatars.isEmpty()).isTrue();
    }

    @Test
    void withdrawingConsentRemovesThePublishedAvatarToo() {
        start();
        feed("noah", 0, CHUNKS_PER_WINDOW);
        assertThat(avatars.readValuesToList()).hasSize(2);
        KeyValueStore<String, AvatarEvent> latest = driver.getKeyValueStore(LatestAvatarProcessor.STORE);
        assertThat(latest.get("c/noah")).isNotNull();

        AudioChunk withdrawn = voicedChunk("c", "noah", CHUNKS_PER_WINDOW, false);
        withdrawn.setConsent(false);
        audio.pipeInput("c/noah", withdrawn);
        audio.pipeInput("c/noah", withdrawn);

        assertThat(latest.get("c/noah")).isNull();
        List<org.apache.kafka.streams.KeyValue<String, AvatarEvent>> out = avatars.readKeyValuesToList();
        assertThat(out).singleElement().satisfies(kv -> {
            assertThat(kv.key).isEqualTo("c/noah");
            assertThat(kv.value).as("a tombstone").isNull();
        });
    }

    @Test
    void speakersAreWindowedSeparately() {
        start();
        for (int seq = 0; seq < CHUNKS_PER_WINDOW; seq++) {
            audio.pipeInput("c/a", voicedChunk("c", "a", seq, false));
            audio.pipeInput("c/b", voicedChunk("c", "b", seq, false));
        }
        assertThat(avatars.readKeyValuesToList()).extracting(kv -> kv.key)
                .containsExactlyInAnyOrder("c/a", "c/a", "c/b", "c/b");
    }

    @Test
    void audioKeyedByCallIsRepartitionedBySpeaker() {
        start(Map.of(AvatarStreamConfig.AUDIO_KEYED_BY_CONFIG, "call"));
        for (int seq = 0; seq < CHUNKS_PER_WINDOW; seq++) {
            audio.pipeInput("c", voicedChunk("c", "a", seq, false));
            audio.pipeInput("c", voicedChunk("c", "b", seq, false));
        }
        assertThat(avatars.readKeyValuesToList()).extracting(kv -> kv.key)
                .containsExactlyInAnyOrder("c/a", "c/a", "c/b", "c/b");
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    /** The dead letter itself is checked on a real broker (DeadLetterIT): the test driver does not emit it. */
    @Test
    void undecodableBytesDoNotStopProcessing() {
        start();
        rawAudio.pipeInput("c/x".getBytes(), new byte[] {1, 2, 3});
        feed("alice", 0, CHUNKS_PER_WINDOW);

        assertThat(avatars.readValuesToList()).hasSize(2);
    }

    @Test
    void badAudioAndWrongKeysGoToTheDeadLetterTopicWithTheirReason() {
        start();
        AudioChunk odd = voicedChunk("c", "erin", 0, false);
        odd.setPayload(ByteBuffer.wrap(new byte[] {1, 2, 3}));
        audio.pipeInput("c/erin", odd);
        AudioChunk badRate = voicedChunk("c", "erin", 1, false);
        badRate.setSampleRate(12_345);
        audio.pipeInput("c/erin", badRate);
        audio.pipeInput("c", voicedChunk("c", "erin", 2, false));
        // 1.02 s of 16 kHz PCM16 in one chunk: over the 1 s default of audio.chunk.max.ms.
        audio.pipeInput("c/erin", TestAudio.chunk("c", "erin", 3, TestAudio.pcm16(TestAudio.voiced(0, 51)), false));

        List<DeadLetter> letters = deadLetters.readValuesToList();
        assertThat(letters).hasSize(4);
        assertThat(letters.get(0).getReason()).contains("payload");
        assertThat(letters.get(0).getSourceTopic()).isEqualTo("callface.audio");
        assertThat(letters.get(1).getReason()).contains("sampleRate").contains("12345");
        assertThat(letters.get(2).getReason()).contains("key").contains("c/erin");
        assertThat(letters.get(3).getReason()).contains("payload").contains("1020 ms").contains("audio.chunk.max.ms");
        assertThat(chunkEntries()).isEmpty();
    }

    private void feed(String participant, int firstSeq, int count) {
        for (int seq = firstSeq; seq < firstSeq + count; seq++) {
            audio.pipeInput("c/" + participant, voicedChunk("c", participant, seq, false));
        }
    }

    private SpeakerWindow lastFullWindow() {
        List<SpeakerWindow> full = windows.stream().filter(w -> !w.provisional()).toList();
        assertThat(full).isNotEmpty();
        return full.get(full.size() - 1);
    }

    private static float[] spectrogramOf(float[] samples) {
        return new Spectrogram().compute(asDecodedPcm16(samples));
    }

    private static float[] concat(float[] a, float[] b) {
        float[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private List<Bytes> chunkEntries() {
        return keys(driver.getKeyValueStore(SpeakerWindowProcessor.CHUNK_STORE));
    }

    private List<String> headers() {
        return keys(driver.getKeyValueStore(SpeakerWindowProcessor.HEADER_STORE));
    }

    /** The chunk-store slot of every live speaker. */
    private List<Integer> slots() {
        List<Integer> slots = new ArrayList<>();
        KeyValueStore<String, byte[]> store = driver.getKeyValueStore(SpeakerWindowProcessor.HEADER_STORE);
        try (KeyValueIterator<String, byte[]> all = store.all()) {
            all.forEachRemaining(kv -> slots.add(SpeakerHeader.fromBytes(kv.value).slot()));
        }
        return slots;
    }

    /** The lowest slot no live speaker holds: the one the next new speaker gets. */
    private int freeSlot() {
        List<Integer> taken = slots();
        int slot = 0;
        while (taken.contains(slot)) {
            slot++;
        }
        return slot;
    }

    private static <K> List<K> keys(KeyValueStore<K, byte[]> store) {
        List<K> keys = new ArrayList<>();
        try (KeyValueIterator<K, byte[]> all = store.all()) {
            all.forEachRemaining(kv -> keys.add(kv.key));
        }
        return keys;
    }
}
