package io.callface.stream.dev;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchCommandTest {
    @Test
    void benchListsEveryMode() {
        StringWriter out = new StringWriter();
        int exit = new CommandLine(new DevStackCli()).setOut(new PrintWriter(out)).execute("bench", "--help");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("load", "find-max", "hostile", "model-attack", "faults", "soak");
    }

    @Test
    void codecsAreParsedByTheirCommandLineNames() {
        CommandLine.ParseResult parsed = new CommandLine(new DevStackCli())
                .parseArgs("bench", "load", "--speakers", "3", "--codecs", "opus-48k,MULAW_8K", "--set", "window.hop.seconds=3");

        CommandLine.ParseResult load = parsed.subcommand().subcommand();
        assertThat(load.commandSpec().name()).isEqualTo("load");
        assertThat(load.matchedOptionValue("--speakers", 0)).isEqualTo(3);
        assertThat(load.matchedOption("--codecs").getValue().toString()).isEqualTo("[OPUS_48K, MULAW_8K]");
    }

    @Test
    void loadAndFindMaxTakeAWarmUpThatTheReportHeaderRepeats() {
        for (String mode : new String[] {"load", "find-max"}) {
            CommandLine.ParseResult run = new CommandLine(new DevStackCli())
                    .parseArgs("bench", mode, "--warm-up-seconds", "30").subcommand().subcommand();
            assertThat(run.matchedOptionValue("--warm-up-seconds", 0L)).as(mode).isEqualTo(30L);
        }
        LoadWarmUpOption none = new LoadWarmUpOption();
        assertThat(none.words()).isEmpty();
        LoadWarmUpOption thirty = new LoadWarmUpOption();
        thirty.seconds = 30;
        assertThat(thirty.words()).isEqualTo(" --warm-up-seconds 30");
    }

    @Test
    void anUnknownCodecIsAUsageError() {
        assertThat(usageErrorOf("bench", "load", "--codecs", "mp3")).contains("'mp3' is not one of");
    }

    @Test
    void soakSamplingIntervalsMustBePositive() {
        assertThat(usageErrorOf("bench", "soak", "--live-heap-seconds", "0"))
                .contains("--live-heap-seconds: 0 must be at least 1 second");
        assertThat(usageErrorOf("bench", "soak", "--sample-seconds", "0"))
                .contains("--sample-seconds: 0 must be at least 1 second");
    }

    /** Runs the command line, which must end as a usage error (exit 2), and returns what it printed to stderr. */
    private static String usageErrorOf(String... args) {
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new DevStackCli()).setErr(new PrintWriter(err)).execute(args);

        assertThat(exit).isEqualTo(2);
        return err.toString();
    }
}
