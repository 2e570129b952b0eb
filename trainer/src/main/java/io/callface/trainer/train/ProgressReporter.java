package io.callface.trainer.train;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/** Prints {@code [stage] epoch e/E step s/S loss L eta 1m05s} lines, at most about once a second. */
public final class ProgressReporter {
    private static final long INTERVAL_NANOS = 1_000_000_000L;

    private final PrintStream out;
    private final LongSupplier nanoClock;
    private String stage = "";
    private long stageStart;
    private long lastPrint;
    private int firstStep;

    public ProgressReporter(PrintStream out, LongSupplier nanoClock) {
        this.out = out;
        this.nanoClock = nanoClock;
    }

    /** Progress on standard error with the system clock. */
    public static ProgressReporter toStderr() {
        return new ProgressReporter(System.err, System::nanoTime);
    }

    /** Starts timing a stage whose first {@code stepsDone} steps ran before (a resumed run). */
    void startStage(String name, int stepsDone) {
        stage = name;
        firstStep = stepsDone;
        stageStart = nanoClock.getAsLong();
        lastPrint = Long.MIN_VALUE;
    }

    /** Reports global step {@code step} (1-based) of {@code totalSteps}. */
    void step(int epoch, int epochs, int step, int totalSteps, float loss) {
        long now = nanoClock.getAsLong();
        if (step != totalSteps && lastPrint != Long.MIN_VALUE && now - lastPrint < INTERVAL_NANOS) {
            return;
        }
        lastPrint = now;
        long eta = (now - stageStart) / (step - firstStep) * (totalSteps - step);
        out.printf("[%s] epoch %d/%d step %d/%d loss %.4f eta %s%n", stage, epoch, epochs, step, totalSteps, loss,
                format(Duration.ofNanos(eta)));
    }

    /** Says where a resumed run continues. */
    void resumed(Path checkpoints, int faceEpochsDone, int voiceEpochsDone) {
        out.printf("resuming from %s: face epochs done %d, voice epochs done %d%n", checkpoints, faceEpochsDone,
                voiceEpochsDone);
    }

    /** Prints a finished stage's throughput. */
    void stageDone(String name, double samplesPerSecond, double seconds) {
        out.printf(Locale.ROOT, "[%s] done: %.1f samples/s over %.1f s%n", name, samplesPerSecond, seconds);
    }

    static String format(Duration d) {
        long s = d.toSeconds();
        return s >= 60 ? (s / 60) + "m" + String.format("%02d", s % 60) + "s" : s + "s";
    }
}
