package io.callface.stream.dev;

import io.callface.avro.AvatarEvent;
import io.callface.avro.CallerAttributes;
import io.callface.stream.demo.CallerAudio;
import io.callface.stream.demo.DemoCallers;
import io.callface.stream.demo.DemoPortrait;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code portrait}: one demo caller's spectrogram beside the face the stream made for them ({@link DemoPortrait}), as
 * two PNG files, the README's picture of a demo caller. The caller is fed alone, faster than real time, through an
 * embedded stack on free ports with scratch data of its own, so a running demo is not disturbed.
 *
 * <p>Exit codes: 0 written, 1 the stream gave no face in time or the files could not be written, 2 bad arguments (an
 * unknown caller, a call too short for a full window).
 */
@Command(name = "portrait", mixinStandardHelpOptions = true,
        description = {"Feed one demo caller alone through the embedded stack and write the spectrogram of the 6 s "
                + "window the stream heard (the magnitude of the voice encoder's input, time across, 0-8 kHz up) and "
                + "the face the stream made from it.",
                "Writes <out>/demo-<caller>-spectrogram.png and <out>/demo-<caller>-face.png."})
final class PortraitCommand implements Callable<Integer> {
    static final int EXIT_FAILED = 1;
    static final int EXIT_BAD_ARGUMENTS = 2;

    @Option(names = "--caller", defaultValue = "grace", description = "Which member of the demo's cast (default: ${DEFAULT-VALUE}).")
    private String caller;

    @Option(names = "--round", defaultValue = "1", description = "Which round of the demo's calls (default: ${DEFAULT-VALUE}).")
    private int round;

    @Option(names = "--seconds", defaultValue = "12.5", description = "Length of the caller's call, as in the integration tests (default: ${DEFAULT-VALUE}).")
    private double seconds;

    @Option(names = "--speed", defaultValue = "10", description = "How many times faster than real time to feed (default: ${DEFAULT-VALUE}).")
    private double speed;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "callface-portrait", description = "Where the two PNG files go (default: ${DEFAULT-VALUE}).")
    private Path outputDir;

    @Mixin
    private DemoModelOption model;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (!(seconds > 0) || !(speed > 0)) {
            return fail(EXIT_BAD_ARGUMENTS, "--seconds and --speed must be positive, got " + seconds + " and " + speed);
        }
        List<CallerAudio> cast = DemoCallers.round(round, seconds, List.of(), DemoCallers.SEED);
        CallerAudio audio = cast.stream().filter(c -> c.speaker().participantId().equals(caller)).findFirst().orElse(null);
        if (audio == null) {
            return fail(EXIT_BAD_ARGUMENTS, "no caller '" + caller + "' in the demo's cast "
                    + cast.stream().map(c -> c.speaker().participantId()).toList());
        }
        Path models = model.modelDir(System.out);
        DemoPortrait portrait;
        try {
            portrait = DemoPortrait.of(models, audio, speed, Duration.ofMinutes(2));
        } catch (IllegalArgumentException e) {
            return fail(EXIT_BAD_ARGUMENTS, e.getMessage());
        } catch (IllegalStateException e) {
            return fail(EXIT_FAILED, e.getMessage());
        }

        Path spectrogramPng = outputDir.resolve("demo-" + caller + "-spectrogram.png");
        Path facePng = outputDir.resolve("demo-" + caller + "-face.png");
        try {
            Files.createDirectories(outputDir);
            ImageIO.write(portrait.spectrogram(), "png", spectrogramPng.toFile());
            ByteBuffer face = portrait.avatar().getFaceImagePng();
            byte[] bytes = new byte[face.remaining()];
            face.duplicate().get(bytes);
            Files.write(facePng, bytes);
        } catch (IOException e) {
            return fail(EXIT_FAILED, "cannot write to " + outputDir + " (" + e + ")");
        }
        spec.commandLine().getOut().printf("%s, window %d: %s%n  spectrogram -> %s%n  face        -> %s%n",
                audio.speaker().key(), portrait.avatar().getWindowIndex(), describe(portrait.avatar()), spectrogramPng,
                facePng);
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** What the stream said of the caller beside the face. */
    static String describe(AvatarEvent avatar) {
        CallerAttributes attributes = avatar.getAttributes();
        String model = "model " + avatar.getModelVersion();
        if (attributes == null) {
            return model + ", no attribute head";
        }
        return String.format(Locale.ROOT, "%s, P(male) %.2f, age %.0f +- %.0f years", model, attributes.getMaleProbability(),
                attributes.getAgeYears(), attributes.getAgeSdYears());
    }

    private int fail(int exitCode, String message) {
        spec.commandLine().getErr().println("portrait: " + message);
        return exitCode;
    }
}
