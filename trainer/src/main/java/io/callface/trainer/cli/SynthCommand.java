package io.callface.trainer.cli;

import io.callface.trainer.synth.CorpusSpec;
import io.callface.trainer.synth.FaceRenderer;
import io.callface.trainer.synth.SyntheticCorpus;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code trainer synth}: writes a synthetic paired voice-face corpus (see {@link SyntheticCorpus}). */
@Command(name = "synth", mixinStandardHelpOptions = true,
        description = "Writes a SYNTHETIC paired voice-face corpus (source-filter voices, drawn faces) with "
                + "speaker-disjoint train/val/test splits; reproducible for a seed.")
public final class SynthCommand implements Callable<Integer> {
    @Spec
    private CommandSpec commandSpec;

    @Option(names = "--out", required = true, description = "Output directory.")
    private Path out;

    @Option(names = "--identities", defaultValue = "" + CorpusSpec.DEFAULT_IDENTITIES, description = "Number of identities (default ${DEFAULT-VALUE}).")
    private int identities;

    @Option(names = "--clips-per-identity", defaultValue = "" + CorpusSpec.DEFAULT_CLIPS_PER_IDENTITY, description = "Clips per identity (default ${DEFAULT-VALUE}).")
    private int clipsPerIdentity;

    @Option(names = "--clip-seconds", defaultValue = "" + CorpusSpec.DEFAULT_CLIP_SECONDS, description = "Seconds per clip (default ${DEFAULT-VALUE}).")
    private double clipSeconds;

    @Option(names = "--seed", defaultValue = "" + CorpusSpec.DEFAULT_SEED, description = "Random seed (default ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--face-size", defaultValue = "" + FaceRenderer.DEFAULT_SIZE,
            description = "Face image size in pixels (default ${DEFAULT-VALUE}).")
    private int faceSize;

    @Option(names = "--val-fraction", defaultValue = "" + CorpusSpec.DEFAULT_VAL_FRACTION, description = "Share of identities for validation (default ${DEFAULT-VALUE}).")
    private double valFraction;

    @Option(names = "--test-fraction", defaultValue = "" + CorpusSpec.DEFAULT_TEST_FRACTION, description = "Share of identities for test (default ${DEFAULT-VALUE}).")
    private double testFraction;

    @Option(names = "--renderings", defaultValue = "" + CorpusSpec.DEFAULT_RENDERINGS,
            description = "Further renderings per identity (pose, light, expression, hair) for the face stage, "
                    + "0 for none (default ${DEFAULT-VALUE}).")
    private int renderings;

    @Option(names = "--judge-identities",
            description = "Further people whose faces only the evaluation's attribute classifiers learn from "
                    + "(default: " + CorpusSpec.JUDGE_IDENTITIES_PER_IDENTITY + " per identity; 0 for none).")
    private Integer judgeIdentities;

    @Option(names = "--voice-speakers", defaultValue = "0",
            description = "Further training speakers for the voice stage only, one clip and a face each, as the paper's "
                    + "voice encoder learned from far more speakers than its face networks (default ${DEFAULT-VALUE}).")
    private int voiceSpeakers;

    @Override
    public Integer call() throws IOException {
        CorpusSpec spec;
        try {
            spec = new CorpusSpec(identities, clipsPerIdentity, clipSeconds, seed, faceSize, valFraction, testFraction,
                    renderings, judgeIdentities != null ? judgeIdentities
                            : CorpusSpec.JUDGE_IDENTITIES_PER_IDENTITY * identities, voiceSpeakers);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(commandSpec.commandLine(), e.getMessage(), e);
        }
        PrintWriter err = commandSpec.commandLine().getErr();
        int speakers = identities + spec.voiceSpeakers();
        int step = Math.max(1, speakers / 20);
        long start = System.nanoTime();
        new SyntheticCorpus(spec).write(out, done -> {
            if (done % step == 0 || done == speakers) {
                synchronized (err) {
                    err.printf("synth: %d / %d speakers%n", done, speakers);
                    err.flush();
                }
            }
        });
        err.printf("synth: wrote %d clips of %d identities and %d voice-only speakers to %s in %.1f s%n",
                identities * clipsPerIdentity + spec.voiceSpeakers() * CorpusSpec.VOICE_SPEAKER_CLIPS, identities,
                spec.voiceSpeakers(), out.toAbsolutePath(), (System.nanoTime() - start) / 1e9);
        err.flush();
        return 0;
    }
}
