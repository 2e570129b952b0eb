package io.callface.stream.loadtest;

import io.callface.avro.AudioChunk;
import io.callface.stream.synth.Codec;
import io.callface.stream.synth.VoiceLoops;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Plays a {@link LoadPlan} in real time, as call platforms would: every 20 ms of wall clock, each participant in
 * the call sends its next chunk, whose capture timestamp is that tick's time. One thread drives all
 * participants; how late it sends against the wall clock is recorded ({@link #sendLagMicros()}), so a run can
 * tell a slow generator from a slow stream processor.
 */
public final class LoadGenerator implements AutoCloseable {
    private final Producer<String, AudioChunk> producer;
    private final String topic;
    private final VoiceLoops loops;
    private final Histogram sendLagMicros = new ConcurrentHistogram(TimeUnit.SECONDS.toMicros(60), 3);
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicReference<Exception> firstFailure = new AtomicReference<>();
    private volatile boolean stopped;
    private volatile long startEpochMs;
    private Thread thread;

    public LoadGenerator(Producer<String, AudioChunk> producer, String topic, VoiceLoops loops) {
        this.producer = producer;
        this.topic = topic;
        this.loops = loops;
    }

    /** Starts playing; the future completes once every participant has left (their last chunk was sent). */
    public synchronized CompletableFuture<Void> start(LoadPlan plan) {
        if (thread != null) {
            throw new IllegalStateException("a LoadGenerator plays one plan");
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        startEpochMs = System.currentTimeMillis();
        thread = new Thread(() -> {
            try {
                play(plan);
                producer.flush();
                done.complete(null);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        }, "callface-load-generator");
        thread.setDaemon(true);
        thread.start();
        return done;
    }

    private void play(LoadPlan plan) {
        long startNanos = System.nanoTime();
        long start = startEpochMs;
        Iterator<SessionPlan> upcoming = plan.sessions().iterator();
        SessionPlan next = upcoming.hasNext() ? upcoming.next() : null;
        List<SessionPlan> active = new ArrayList<>();
        long ticks = plan.endMs() / SessionPlan.CHUNK_MS;
        for (long tick = 0; tick < ticks && !stopped; tick++) {
            long tickMs = tick * SessionPlan.CHUNK_MS;
            long due = startNanos + TimeUnit.MILLISECONDS.toNanos(tickMs);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            while (next != null && next.startMs() <= tickMs) {
                active.add(next);
                next = upcoming.hasNext() ? upcoming.next() : null;
            }
            for (Iterator<SessionPlan> it = active.iterator(); it.hasNext(); ) {
                SessionPlan session = it.next();
                int index = (int) ((tickMs - session.startMs()) / SessionPlan.CHUNK_MS);
                send(session, index, start + tickMs);
                if (index == session.chunkCount() - 1) {
                    it.remove();
                }
            }
            sendLagMicros.recordValue(Math.max(0, TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - due)));
        }
    }

    private void send(SessionPlan session, int index, long captureMs) {
        Codec codec = session.codec();
        byte[] payload = session.isVoiced(index) ? loops.voicedChunk(codec, session.voice(), index) : loops.silentChunk(codec);
        AudioChunk chunk = AudioChunk.newBuilder()
                .setCallId(session.speaker().callId())
                .setParticipantId(session.speaker().participantId())
                .setSequence(index)
                .setCaptureTimestamp(Instant.ofEpochMilli(captureMs))
                .setSampleRate(codec.sampleRate())
                .setChannels(1)
                .setEncoding(codec.encoding())
                .setPayload(ByteBuffer.wrap(payload))
                .setConsent(true)
                .setEndOfStream(index == session.chunkCount() - 1)
                .build();
        producer.send(new ProducerRecord<>(topic, session.speaker().key(), chunk), (metadata, error) -> {
            if (error != null) {
                failed.incrementAndGet();
                firstFailure.compareAndSet(null, error);
            }
        });
        sent.incrementAndGet();
    }

    /** Wall-clock time of tick 0. */
    public long startEpochMs() {
        return startEpochMs;
    }

    /** How late each tick's chunks went out, in microseconds. */
    public Histogram sendLagMicros() {
        return sendLagMicros;
    }

    public long chunksSent() {
        return sent.get();
    }

    /** Chunks the producer could not deliver; a run with any is invalid. */
    public long sendFailures() {
        return failed.get();
    }

    public Exception firstSendFailure() {
        return firstFailure.get();
    }

    /** Stops sending (participants stop mid-session) and closes the producer. */
    @Override
    public void close() {
        stopped = true;
        Thread running;
        synchronized (this) {
            running = thread;
        }
        if (running != null) {
            try {
                running.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        producer.close();
    }
}
