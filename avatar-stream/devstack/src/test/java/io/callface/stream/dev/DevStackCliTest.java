package io.callface.stream.dev;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DevStackCliTest {

    @Test
    void helpGoesToStandardOutputAndListsTheDeveloperCommands() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = new CommandLine(new DevStackCli()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute("--help");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("demo", "feed", "portrait", "bench");
        assertThat(err.toString()).isEmpty();
    }
}
