package io.callface.stream.demo;

import io.callface.audio.SpeechSegment;
import io.callface.audio.Spectrogram;
import io.callface.audio.VoicedWindows;
import io.callface.avro.AvatarEvent;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * One caller's voice beside the face the stream made from it, as the README shows a demo caller: the caller is fed
 * alone through an embedded {@link DemoStack}, and the picture pairs the stream's first full window for them with the
 * spectrogram of that window's audio. {@link VoicedWindows} cuts the same 6 s of voiced chunks from the caller's audio
 * as the stream does (the chunks the stream's voice gate passes, heard from the feeder's PCM16), and
 * {@link Spectrogram} is the stream's own front end, so the picture shows exactly what the voice encoder read; the
 * face of a speaker's first full window is decoded from that window's embedding alone.
 *
 * @param spectrogram the window's spectrogram as a picture ({@link SpectrogramImage})
 * @param avatar      the stream's avatar of that window, its face PNG included
 */
public record DemoPortrait(BufferedImage spectrogram, AvatarEvent avatar) {
    /** The index of the window the portrait shows: a speaker's first full one. */
    static final int WINDOW = 0;
    /** Frames of a full window's spectrogram: 598 for 6 s. */
    static final int FRAMES = Spectrogram.frameCount(SpeechSegment.SEGMENT_SAMPLES);

    /**
     * Starts an embedded stack serving {@code modelDir} on free ports with scratch data of its own (removed
     * afterwards, so a running demo is not disturbed), feeds {@code caller} alone at {@code speed} times real time
     * and waits up to {@code patience} for the avatar of their first full window.
     *
     * @throws IllegalArgumentException if the caller's audio is not 16 kHz or holds no full 6 s window of voice
     * @throws IllegalStateException    if the stream published no such avatar in time
     */
    public static DemoPortrait of(Path modelDir, CallerAudio caller, double speed, Duration patience)
            throws IOException, InterruptedException {
        BufferedImage spectrogram = SpectrogramImage.of(firstWindowSpectrogram(caller), FRAMES);
        Path scratch = Files.createTempDirectory("callface-portrait-");
        try (DemoStack stack = DemoStack.start(new DemoStack.Settings(0, 0, 0, scratch.resolve("data"), modelDir,
                scratch.resolve("avatars")), new PrintStream(OutputStream.nullOutputStream()))) {
            return new DemoPortrait(spectrogram, firstFullWindow(stack, caller, speed, patience));
        } finally {
            DemoModel.deleteQuietly(scratch);
        }
    }

    private static AvatarEvent firstFullWindow(DemoStack stack, CallerAudio caller, double speed, Duration patience)
            throws InterruptedException {
        try (KafkaConsumer<String, AvatarEvent> consumer = stack.avatarConsumer("callface-portrait")) {
            consumer.subscribe(List.of(stack.config().avatarsTopic()));
            stack.feed(List.of(caller), speed);
            Instant deadline = Instant.now().plus(patience);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, AvatarEvent> record : consumer.poll(Duration.ofMillis(200))) {
                    AvatarEvent event = record.value();
                    if (event != null && caller.speaker().key().equals(record.key()) && event.getWindowIndex() == WINDOW
                            && !event.getProvisional()) {
                        return event;
                    }
                }
            }
        }
        throw new IllegalStateException("the stream published no avatar of " + caller.speaker() + "'s first full window"
                + " within " + patience.toSeconds() + " s");
    }

    /** The {@code [2, 598, 257]} spectrogram of the caller's first full window, as the stream computes it. */
    static float[] firstWindowSpectrogram(CallerAudio caller) {
        if (caller.sampleRate() != Spectrogram.SAMPLE_RATE) {
            throw new IllegalArgumentException(caller.speaker() + ": a portrait needs 16 kHz audio, not "
                    + caller.sampleRate() + " Hz");
        }
        VoicedWindows.Window window = VoicedWindows.of(AudioFeeder.asHeard(caller.samples())).stream()
                .filter(w -> !w.provisional()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(caller.speaker() + ": the voice gate hears less than a"
                        + " full 6 s window of voice in " + caller.samples().length / (double) caller.sampleRate()
                        + " s"));
        return new Spectrogram().compute(window.audio());
    }
}
