package io.callface.stream.window;

import io.callface.audio.Spectrogram;
import io.callface.audio.StreamFormat;
import io.callface.avro.AudioChunk;
import io.callface.avro.AvatarEvent;
import io.callface.model.fusion.FusedEmbedding;
import io.callface.model.fusion.FusionRule;
import io.callface.stream.avatar.AvatarGenerator;
import io.callface.stream.window.ChunkEntry.Buffered;
import io.callface.stream.window.ChunkEntry.Waiting;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buffers each speaker's voiced audio into 6 s windows and turns every window into an {@link AvatarEvent}.
 *
 * <p>Cost stays linear in the audio: every chunk is one store entry ({@link ChunkKeys}, {@link ChunkEntry}); a
 * small {@link SpeakerHeader} per speaker tracks the stream and the open window. Chunk keys start with the
 * speaker's slot ({@link SpeakerSlots}), a small number unique among the task's live speakers, not with its id,
 * so the changelog carries 12 key bytes per chunk whatever the id's length. The processor keeps the live
 * headers in memory too (written through to the store on every change) and rebuilds that copy and the slots
 * from the store whenever it is initialised.
 *
 * <p>Chunks are placed by sequence number: one that arrives early waits for the missing ones for up to the
 * reorder window (in capture time), after which the gap counts as lost audio and is skipped, never filled with
 * zeros. A full window is assembled by one range scan; its entries (all of them, or the first hop's worth when
 * windows overlap) are deleted at once, so raw audio never outlives its window. At end of stream, or after the speaker has been idle (a
 * wall-clock punctuator, since stream time stands still on idle partitions), buffered audio of at least the
 * minimum is repeated to 6 s for a last provisional avatar and every entry of the speaker is deleted.
 *
 * <p>Chunks without consent are never buffered; withdrawing consent deletes the speaker's state at once. At
 * most one full and one provisional avatar is emitted per (speaker, window index).
 *
 * <p>End of stream (or idle) is told downstream: the last provisional avatar carries {@code endOfStream}, or,
 * when none is due, a record with the speaker's key and a null value follows as an end marker (the
 * latest-avatar stage turns it into an event; it never reaches the avatar topic as a tombstone).
 */
public final class SpeakerWindowProcessor implements Processor<String, AudioChunk, String, AvatarEvent> {
    public static final String CHUNK_STORE = "callface-audio-chunks";
    public static final String HEADER_STORE = "callface-speakers";
    /** Each speaker's running fusion of window embeddings ({@link FusedEmbedding}), kept across rebalances. */
    public static final String FUSION_STORE = "callface-fused-embeddings";
    /** Marks the null-valued record that tells downstream a speaker withdrew consent. */
    public static final String CONSENT_WITHDRAWN_HEADER = "callface.consent.withdrawn";

    private static final Logger LOG = LoggerFactory.getLogger(SpeakerWindowProcessor.class);

    private final AvatarGenerator generator;
    private final FusionRule fusion;
    private final ChunkAudio chunkAudio;
    private final WindowSettings settings;
    private final WindowEvents events;
    private final WindowSpectrogram spectrogram = new WindowSpectrogram();
    /** The header store's content, so that a chunk costs a header write but no read. */
    private final Map<String, SpeakerHeader> live = new HashMap<>();
    private final SpeakerSlots slots = new SpeakerSlots();

    private ProcessorContext<String, AvatarEvent> context;
    private KeyValueStore<Bytes, byte[]> chunks;
    private KeyValueStore<String, byte[]> headers;
    private KeyValueStore<String, byte[]> fusions;

    public SpeakerWindowProcessor(AvatarGenerator generator, FusionRule fusion, ChunkAudio chunkAudio,
                                  WindowSettings settings, WindowEvents events) {
        this.generator = generator;
        this.fusion = fusion;
        this.chunkAudio = chunkAudio;
        this.settings = settings;
        this.events = events;
    }

    @Override
    public void init(ProcessorContext<String, AvatarEvent> context) {
        this.context = context;
        this.chunks = context.getStateStore(CHUNK_STORE);
        this.headers = context.getStateStore(HEADER_STORE);
        this.fusions = context.getStateStore(FUSION_STORE);
        // Also after a task was revived with state restored from the changelog: the store is the truth.
        live.clear();
        slots.clear();
        try (KeyValueIterator<String, byte[]> all = headers.all()) {
            all.forEachRemaining(entry -> {
                SpeakerHeader header = SpeakerHeader.fromBytes(entry.value);
                slots.claim(header.slot(), entry.key);
                live.put(entry.key, header);
            });
        }
        context.schedule(settings.idleCheckInterval(), PunctuationType.WALL_CLOCK_TIME, this::flushIdleSpeakers);
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
                    + "'; key audio by callId/participantId (or set audio.keyed.by=call)");
        }
        events.chunkIn();
        if (!chunk.getConsent()) {
            events.chunkDropped(WindowEvents.Drop.NO_CONSENT);
            SpeakerHeader header = live.get(key);
            if (header != null) {
                LOG.info("Consent withdrawn by a speaker of call {}: deleting its buffered audio", speaker.callId());
                forget(key, header.slot());
            }
            // Downstream, the speaker's published avatar must go too (a no-op where there is none).
            context.forward(new Record<String, AvatarEvent>(key, null, record.timestamp())
                    .withHeaders(new RecordHeaders().add(CONSENT_WITHDRAWN_HEADER, new byte[] {1})));
            return;
        }
        long sequence = chunk.getSequence();
        if (sequence < 0) {
            throw new InvalidChunkException("sequence: " + sequence + " is negative");
        }
        StreamFormat format = ChunkAudio.formatOf(chunk);
        byte[] payload = ChunkAudio.payloadOf(chunk);
        ChunkAudio.checkDuration(sequence, format, payload, settings.maxChunkMs());
        long captureMs = chunk.getCaptureTimestamp().toEpochMilli();
        long now = context.currentSystemTimeMs();

        SpeakerHeader known = live.get(key);
        SpeakerHeader header = known == null ? start(captureMs, now) : known.seenAt(now);
        try {
            processChunk(speaker, header, chunk, format, payload, record.timestamp());
        } finally {
            if (known == null && !live.containsKey(key)) {
                // A new speaker whose header was not kept (its first chunk failed, or ended the stream at once)
                // holds no slot; anything written under it is purged when the slot is next handed out.
                slots.release(header.slot());
            }
        }
    }

    /** A new speaker: the lowest free slot, cleared of anything an earlier holder might have left. */
    private SpeakerHeader start(long captureMs, long now) {
        events.speakerStarted();
        int slot = slots.allocate();
        deleteEntries(slot);
        return SpeakerHeader.startingAt(slot, captureMs, now);
    }

    /** Places a consented chunk of a known (or just started) speaker. */
    private void processChunk(SpeakerId speaker, SpeakerHeader header, AudioChunk chunk, StreamFormat format,
                              byte[] payload, long timestamp) {
        String key = speaker.key();
        long sequence = chunk.getSequence();
        long captureMs = chunk.getCaptureTimestamp().toEpochMilli();
        if (sequence < header.nextSequence()) {
            if (sequence <= header.emittedThrough()) {
                throw new LateChunkException("sequence: chunk " + sequence + " of " + key
                        + " arrived after its window was emitted (windows cover up to chunk " + header.emittedThrough() + ")");
            }
            events.chunkDropped(WindowEvents.Drop.DUPLICATE);
            return;
        }
        if (sequence > header.nextSequence()) {
            Bytes entryKey = ChunkKeys.chunk(header.slot(), sequence);
            if (chunks.get(entryKey) != null) {
                events.chunkDropped(WindowEvents.Drop.DUPLICATE);
                return;
            }
            ChunkAudio.validate(sequence, format, payload);
            chunks.put(entryKey, new Waiting(format, captureMs, chunk.getEndOfStream(), payload).toBytes());
            header = header.withPending(1, captureMs);
            if (chunk.getEndOfStream()) {
                header = header.withEnd(sequence);
            }
        } else {
            header = accept(speaker, header, format, captureMs, chunk.getEndOfStream(), payload, false, timestamp);
        }
        header = drainWaiting(speaker, header, false, timestamp);
        save(speaker, header, timestamp);
    }

    /** Accepts chunk {@code header.nextSequence()} in stream order. */
    private SpeakerHeader accept(SpeakerId speaker, SpeakerHeader header, StreamFormat format, long captureMs,
                                 boolean endOfStream, byte[] payload, boolean wasWaiting, long timestamp) {
        long sequence = header.nextSequence();
        Bytes entryKey = ChunkKeys.chunk(header.slot(), sequence);
        ChunkAudio.Decoded decoded = chunkAudio.decode(speaker.key(), sequence, format, payload);
        boolean buffered = decoded.samples().length > 0 && (decoded.voiced() || !settings.voiceActivityGate());
        if (buffered) {
            chunks.put(entryKey, new Buffered(captureMs, decoded.stored()).toBytes());
        } else {
            events.chunkDropped(WindowEvents.Drop.UNVOICED);
            if (wasWaiting) {
                chunks.delete(entryKey);
            }
        }
        long endMs = captureMs + decoded.samples().length * 1000L / Spectrogram.SAMPLE_RATE;
        header = header.accepted(decoded.samples().length, buffered ? decoded.samples().length : 0, captureMs, endMs);
        if (endOfStream) {
            header = header.withEnd(sequence);
        }
        return emitDueWindows(speaker, header, timestamp);
    }

    /**
     * Accepts waiting chunks whose turn has come. A gap is skipped as lost once audio more than the reorder
     * window later is waiting behind it, or at once when {@code force} (the speaker is being flushed).
     */
    private SpeakerHeader drainWaiting(SpeakerId speaker, SpeakerHeader header, boolean force, long timestamp) {
        while (header.pendingChunks() > 0) {
            Bytes entryKey = ChunkKeys.chunk(header.slot(), header.nextSequence());
            byte[] value = chunks.get(entryKey);
            if (value != null) {
                Waiting waiting = (Waiting) ChunkEntry.fromBytes(value);
                header = header.withPending(-1, 0);
                try {
                    header = accept(speaker, header, waiting.format(), waiting.captureMs(), waiting.endOfStream(),
                            waiting.payload(), true, timestamp);
                } catch (InvalidChunkException e) {
                    // Only Opus packets fail this late (they decode only in order): the chunk is lost audio.
                    LOG.warn("Chunk {} of a speaker in call {} failed to decode in order and counts as lost: {}",
                            header.nextSequence(), speaker.callId(), e.getMessage());
                    chunks.delete(entryKey);
                    events.chunksLost(1);
                    header = header.skippingTo(header.nextSequence() + 1);
                }
                continue;
            }
            boolean gapExpired = force
                    || header.newestPendingCaptureMs() - header.lastAcceptedEndMs() > settings.reorderWindowMs();
            if (!gapExpired) {
                break;
            }
            long next = firstWaitingSequence(header.slot(), header.nextSequence());
            if (header.acceptedAny()) {
                events.chunksLost(next - header.nextSequence());
            }
            header = header.skippingTo(next);
        }
        return header;
    }

    private long firstWaitingSequence(int slot, long from) {
        try (KeyValueIterator<Bytes, byte[]> range = chunks.range(ChunkKeys.chunk(slot, from), ChunkKeys.last(slot))) {
            return range.hasNext() ? ChunkKeys.sequenceOf(range.next().key) : from;
        }
    }

    private SpeakerHeader emitDueWindows(SpeakerId speaker, SpeakerHeader header, long timestamp) {
        if (header.bufferedSamples() >= WindowSettings.WINDOW_SAMPLES) {
            return emitFullWindow(speaker, header, timestamp);
        }
        boolean firstPreviewDue = header.nextWindowIndex() == 0 && header.provisionalIndex() < 0
                && header.bufferedSamples() >= settings.minSamples();
        if (firstPreviewDue) {
            emit(speaker, header, openWindow(header).audio(), 0, true, false, timestamp);
            return header.afterProvisional(0);
        }
        return header;
    }

    private SpeakerHeader emitFullWindow(SpeakerId speaker, SpeakerHeader header, long timestamp) {
        OpenWindow window = openWindow(header);
        emit(speaker, header, window.audio(), header.nextWindowIndex(), false, false, timestamp);
        // Advance by one hop: delete the oldest entries worth at least hopSamples; the rest opens the next window.
        int deleted = 0;
        long retainedStartMs = 0;
        for (WindowEntry entry : window.entries()) {
            if (deleted >= settings.hopSamples()) {
                retainedStartMs = entry.captureMs();
                break;
            }
            deleted += entry.samples();
            chunks.delete(entry.key());
        }
        return header.afterFullWindow(Math.max(0, header.bufferedSamples() - deleted), retainedStartMs);
    }

    /** One buffered entry of the open window, as advancing by a hop needs it. */
    private record WindowEntry(Bytes key, long captureMs, int samples) {
    }

    /** The open window's buffered audio in sequence order, and its entries. */
    private record OpenWindow(float[] audio, List<WindowEntry> entries) {
    }

    /** Reads the open window in one range scan (waiting entries lie beyond it and are excluded). */
    private OpenWindow openWindow(SpeakerHeader header) {
        float[] audio = new float[header.bufferedSamples()];
        List<WindowEntry> entries = new ArrayList<>();
        int filled = 0;
        try (KeyValueIterator<Bytes, byte[]> range = chunks.range(ChunkKeys.first(header.slot()),
                ChunkKeys.chunk(header.slot(), header.nextSequence() - 1))) {
            while (range.hasNext()) {
                KeyValue<Bytes, byte[]> entry = range.next();
                entries.add(new WindowEntry(entry.key, Buffered.captureMsOf(entry.value), Buffered.samplesOf(entry.value)));
                filled += Buffered.decodeInto(entry.value, audio, filled);
            }
        }
        return new OpenWindow(audio, entries);
    }

    /** Emits the window's avatar; false when the model failed and nothing was emitted. */
    private boolean emit(SpeakerId speaker, SpeakerHeader header, float[] audio, long index, boolean provisional,
                         boolean endOfStream, long timestamp) {
        long started = System.nanoTime();
        SpeakerWindow window = new SpeakerWindow(speaker, index, header.windowStartMs(), header.windowEndMs(),
                provisional, audio.length / (float) Spectrogram.SAMPLE_RATE,
                header.spanSamples() == 0 ? 1f : header.bufferedSamples() / (float) header.spanSamples(),
                spectrogram.compute(audio), WindowSpectrogram.frames(), System.nanoTime() - started, started);
        byte[] storedFusion = fusions.get(speaker.key());
        FusedEmbedding prior = storedFusion == null ? null : FusedEmbedding.fromBytes(storedFusion);
        // The fuser runs on the inference thread: it only reads `prior` and hands its result back here.
        AtomicReference<FusedEmbedding> fused = new AtomicReference<>();
        AvatarEvent event;
        try {
            event = generator.generate(window, (embedding, version) -> {
                FusedEmbedding next = fusion.fold(prior, embedding, version);
                fused.set(next);
                return next;
            });
        } catch (RuntimeException e) {
            // The window is not the record's fault: log and count it, and let the stream go on.
            LOG.error("No avatar for window {} of a speaker in call {}: {}", index, speaker.callId(), e.toString(), e);
            events.windowFailed();
            return false;
        }
        // Provisional windows are previews: decoded from the fusion with their own embedding, never folded in.
        if (!provisional && fused.get() != null) {
            fusions.put(speaker.key(), fused.get().toBytes());
        }
        event.setEndOfStream(endOfStream);
        events.windowEmitted(provisional);
        events.windowLatency(System.nanoTime() - window.closedAtNanos());
        context.forward(new Record<>(speaker.key(), event, timestamp));
        return true;
    }

    private void save(SpeakerId speaker, SpeakerHeader header, long timestamp) {
        if (header.endReached()) {
            finish(speaker, header, timestamp);
        } else {
            headers.put(speaker.key(), header.toBytes());
            live.put(speaker.key(), header);
        }
    }

    /** End of the speaker's stream: a last provisional avatar from enough fresh audio, then no state at all. */
    private void finish(SpeakerId speaker, SpeakerHeader header, long timestamp) {
        boolean lastWindowDue = header.freshSamples() > 0 && header.bufferedSamples() >= settings.minSamples()
                && header.provisionalIndex() != header.nextWindowIndex();
        boolean endEmitted = lastWindowDue && emit(speaker, header, openWindow(header).audio(),
                header.nextWindowIndex(), true, true, timestamp);
        if (!endEmitted) {
            context.forward(new Record<>(speaker.key(), (AvatarEvent) null, timestamp));
        }
        forget(speaker.key(), header.slot());
    }

    private void flushIdleSpeakers(long now) {
        List<Map.Entry<String, SpeakerHeader>> idle = live.entrySet().stream()
                .filter(entry -> now - entry.getValue().lastSeenWallMs() >= settings.idleTimeout().toMillis())
                .map(entry -> Map.entry(entry.getKey(), entry.getValue()))
                .toList();
        for (Map.Entry<String, SpeakerHeader> entry : idle) {
            SpeakerId speaker = SpeakerId.parse(entry.getKey());
            LOG.info("Flushing an idle speaker of call {}", speaker.callId());
            SpeakerHeader header = drainWaiting(speaker, entry.getValue(), true, now);
            finish(speaker, header, now);
        }
    }

    /**
     * Deletes every entry of the speaker: buffered and waiting chunks, header, fused embedding, decoder state.
     * Its slot is free again once its chunk entries are gone.
     */
    private void forget(String key, int slot) {
        deleteEntries(slot);
        slots.release(slot);
        live.remove(key);
        headers.delete(key);
        fusions.delete(key);
        chunkAudio.release(key);
        events.speakerEnded();
    }

    private void deleteEntries(int slot) {
        List<Bytes> entries = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> range = chunks.range(ChunkKeys.first(slot), ChunkKeys.last(slot))) {
            range.forEachRemaining(entry -> entries.add(entry.key));
        }
        entries.forEach(chunks::delete);
    }
}
