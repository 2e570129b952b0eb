package io.callface.stream.demo;

import io.callface.avro.AudioChunk;
import io.callface.avro.Encoding;
import io.callface.audio.PcmDecoder;
import io.callface.audio.SampleEncoding;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Publishes callers' audio as 20 ms PCM16 {@link AudioChunk}s, all callers side by side, at wall-clock pace
 * like a call platform (or faster, for tests). Each caller's last chunk carries the end-of-stream flag.
 */
public final class AudioFeeder implements AutoCloseable {
    private static final long CHUNK_MILLIS = 20;

    private final Producer<String, AudioChunk> producer;
    private final String topic;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "callface-audio-feeder");
        thread.setDaemon(true);
        return thread;
    });

    public AudioFeeder(Producer<String, AudioChunk> producer, String topic) {
        this.producer = producer;
        this.topic = topic;
    }

    /**
     * Starts publishing; the returned future completes once every caller's last chunk was sent, or
     * exceptionally when a send fails (publishing stops then).
     *
     * @param speed 1.0 for real time, larger to go faster
     */
    public CompletableFuture<Void> start(List<CallerAudio> callers, double speed) {
        if (callers.isEmpty()) {
            throw new IllegalArgumentException("callers: nothing to publish");
        }
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed: must be positive, got " + speed);
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        AtomicInteger tick = new AtomicInteger();
        int ticks = callers.stream().mapToInt(CallerAudio::chunkCount).max().orElse(0);
        long start = System.currentTimeMillis();
        long periodMicros = Math.max(1, Math.round(CHUNK_MILLIS * 1000 / speed));
        ScheduledFuture<?> task = ticker.scheduleAtFixedRate(() -> {
            if (done.isDone()) {
                return;
            }
            try {
                int index = tick.getAndIncrement();
                if (index >= ticks) {
                    producer.flush();
                    done.complete(null);
                    return;
                }
                for (CallerAudio caller : callers) {
                    if (index < caller.chunkCount()) {
                        send(caller, index, start + index * CHUNK_MILLIS);
                    }
                }
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        }, 0, periodMicros, TimeUnit.MICROSECONDS);
        done.whenComplete((ignored, error) -> task.cancel(false));
        return done;
    }

    private void send(CallerAudio caller, int index, long captureMillis) {
        AudioChunk chunk = AudioChunk.newBuilder()
                .setCallId(caller.speaker().callId())
                .setParticipantId(caller.speaker().participantId())
                .setSequence(index)
                .setCaptureTimestamp(Instant.ofEpochMilli(captureMillis))
                .setSampleRate(caller.sampleRate())
                .setChannels(1)
                .setEncoding(Encoding.PCM_S16LE)
                .setPayload(ByteBuffer.wrap(pcm16(caller.chunk(index))))
                .setConsent(true)
                .setEndOfStream(index == caller.chunkCount() - 1)
                .build();
        producer.send(new ProducerRecord<>(topic, caller.speaker().key(), chunk));
    }

    /** {@code samples} as the stream hears them from this feeder: sent as PCM16, decoded by the stream's decoder. */
    static float[] asHeard(float[] samples) {
        return PcmDecoder.decode(pcm16(samples), SampleEncoding.PCM_S16LE, 1);
    }

    static byte[] pcm16(float[] samples) {
        ByteBuffer out = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (float s : samples) {
            out.putShort((short) Math.round(Math.max(-1f, Math.min(1f, s)) * 32767f));
        }
        return out.array();
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        producer.close();
    }
}
