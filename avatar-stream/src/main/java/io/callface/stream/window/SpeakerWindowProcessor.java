package io.callface.stream.window;

import io.callface.avro.AudioChunk;
import io.callface.avro.AvatarEvent;
import io.callface.stream.audio.Spectrogram;
import io.callface.stream.audio.SpeechSegment;
import io.callface.stream.avatar.AvatarGenerator;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buffers each speaker's audio into 6 s windows and turns every full window into an {@link AvatarEvent}.
 *
 * <p>Cost stays linear in the audio: every chunk is one store entry (see {@link ChunkKeys}); a small
 * {@link SpeakerHeader} per speaker tracks the open window. When 6 s are buffered, one range scan assembles
 * the window and the entries are deleted at once, so raw audio never outlives its window in the store or
 * (after compaction) in its changelog. Chunks without consent are never buffered; a speaker who withdraws
 * consent loses all buffered state immediately.
 */
public final class SpeakerWindowProcessor implements Processor<String, AudioChunk, String, AvatarEvent> {
    public static final String CHUNK_STORE = "callface-audio-chunks";
    public static final String HEADER_STORE = "callface-speakers";

    private static final Logger LOG = LoggerFactory.getLogger(SpeakerWindowProcessor.class);

    private final AvatarGenerator generator;
    private final ChunkAudio chunkAudio;
    private final int minSamples;
    private final Spectrogram spectrogram = new Spectrogram();

    private ProcessorContext<String, AvatarEvent> context;
    private KeyValueStore<Bytes, byte[]> chunks;
    private KeyValueStore<String, byte[]> headers;

    public SpeakerWindowProcessor(AvatarGenerator generator, ChunkAudio chunkAudio, int minSamples) {
        this.generator = generator;
        this.chunkAudio = chunkAudio;
        this.minSamples = minSamples;
    }

    @Override
    public void init(ProcessorContext<String, AvatarEvent> context) {
        this.context = context;
        this.chunks = context.getStateStore(CHUNK_STORE);
        this.headers = context.getStateStore(HEADER_STORE);
    }

    @Override
    public void process(Record<String, AudioChunk> record) {
        AudioChunk chunk = record.value();
        if (chunk == null) {
            throw new InvalidChunkException("value: null AudioChunk (tombstone) on the audio topic");
        }
        SpeakerId speaker = SpeakerId.of(chunk);
        String key = speaker.key();
        if (!key.equals(record.key())) {
            throw new InvalidChunkException("key: '" + record.key() + "' does not match the chunk's speaker '" + key
                    + "'; producers must key audio by callId/participantId");
        }
        if (!chunk.getConsent()) {
            if (headers.get(key) != null) {
                LOG.info("Consent withdrawn for a speaker; deleting its buffered audio");
                forget(key);
            }
            return;
        }
        SpeakerHeader header = currentHeader(key);
        if (chunk.getSequence() <= header.lastSequence()) {
            LOG.debug("Dropping duplicate or late chunk {} (last accepted {})", chunk.getSequence(), header.lastSequence());
            return;
        }
        float[] samples = chunkAudio.decode(key, chunk);
        long chunkEndMs = chunk.getCaptureTimestamp().toEpochMilli() + samples.length * 1000L / Spectrogram.SAMPLE_RATE;
        if (samples.length > 0) {
            chunks.put(ChunkKeys.chunk(key, chunk.getSequence()), StoredAudio.encode(samples));
        }
        header = header.withChunk(chunk.getSequence(), samples.length, chunk.getCaptureTimestamp().toEpochMilli(), chunkEndMs);
        if (header.bufferedSamples() >= SpeechSegment.SEGMENT_SAMPLES) {
            emit(speaker, header, record, false);
            header = header.afterWindow();
        }
        if (chunk.getEndOfStream()) {
            if (header.bufferedSamples() >= minSamples) {
                emit(speaker, header, record, true);
            }
            forget(key);
            return;
        }
        headers.put(key, header.toBytes());
    }

    private SpeakerHeader currentHeader(String key) {
        byte[] stored = headers.get(key);
        return stored == null ? SpeakerHeader.initial() : SpeakerHeader.fromBytes(stored);
    }

    private void emit(SpeakerId speaker, SpeakerHeader header, Record<String, AudioChunk> trigger, boolean provisional) {
        long started = System.nanoTime();
        float[] audio = takeBufferedAudio(speaker.key(), header.bufferedSamples());
        float[] segment = SpeechSegment.toSixSeconds(audio);
        int frames = Spectrogram.frameCount(segment.length);
        float[] features = spectrogram.compute(segment);
        SpeakerWindow window = new SpeakerWindow(speaker, header.nextWindowIndex(), header.windowStartMs(),
                header.windowEndMs(), provisional, audio.length / (float) Spectrogram.SAMPLE_RATE, features, frames,
                System.nanoTime() - started, started);
        AvatarEvent event = generator.generate(window);
        context.forward(new Record<>(speaker.key(), event, trigger.timestamp()));
    }

    /** Assembles the open window's audio in sequence order and deletes its entries. */
    private float[] takeBufferedAudio(String key, int bufferedSamples) {
        float[] audio = new float[bufferedSamples];
        List<Bytes> consumed = new ArrayList<>();
        int filled = 0;
        try (KeyValueIterator<Bytes, byte[]> range = chunks.range(ChunkKeys.first(key), ChunkKeys.last(key))) {
            while (range.hasNext()) {
                KeyValue<Bytes, byte[]> entry = range.next();
                filled += StoredAudio.decodeInto(entry.value, audio, filled);
                consumed.add(entry.key);
            }
        }
        consumed.forEach(chunks::delete);
        return filled == audio.length ? audio : java.util.Arrays.copyOf(audio, filled);
    }

    /** Deletes every entry of the speaker: buffered chunks, header and decoder state. */
    private void forget(String key) {
        List<Bytes> entries = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> range = chunks.range(ChunkKeys.first(key), ChunkKeys.last(key))) {
            range.forEachRemaining(entry -> entries.add(entry.key));
        }
        entries.forEach(chunks::delete);
        headers.delete(key);
        chunkAudio.release(key);
    }
}
