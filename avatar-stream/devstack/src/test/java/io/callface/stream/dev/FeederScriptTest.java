package io.callface.stream.dev;

import static org.assertj.core.api.Assertions.assertThat;

import io.callface.stream.ops.RepositoryFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** The compose feeder (docker/feeder/feed.sh) publishes with this module's {@code feed} command. */
class FeederScriptTest {
    /** The feed command line in the script, over continuation lines. */
    private static final Pattern FEED = Pattern.compile("java -jar /app/callface-dev\\.jar (feed(?:[^\\n\\\\]|\\\\\\n)*)");

    @Test
    void feedsWithOptionsTheDeveloperStackAccepts() throws IOException {
        String script = Files.readString(RepositoryFiles.find("docker/feeder/feed.sh"));
        Matcher feed = FEED.matcher(script);
        assertThat(feed.find()).as("feed.sh runs callface-dev.jar feed").isTrue();

        // The shell fills in the values; the round is a number, the rest are strings and paths.
        String[] args = Arrays.stream(feed.group(1).replace("\\\n", " ").replace("\"$round\"", "1").trim().split("\\s+"))
                .map(arg -> arg.replace("\"", ""))
                .toArray(String[]::new);
        ParseResult parsed = new CommandLine(new DevStackCli()).parseArgs(args);

        assertThat(parsed.subcommand().commandSpec().name()).isEqualTo("feed");
        assertThat(parsed.subcommand().hasMatchedOption("--no-synthetic")).isTrue();
        assertThat(parsed.subcommand().hasMatchedOption("--bootstrap-servers")).isTrue();
        assertThat(parsed.subcommand().hasMatchedOption("--schema-registry-url")).isTrue();
        assertThat(parsed.subcommand().matchedPositionals()).isNotEmpty();
    }

    @Test
    void feederImageCarriesTheTrainerAndTheDeveloperStack() throws IOException {
        String dockerfile = Files.readString(RepositoryFiles.find("docker/Dockerfile.trainer"));

        assertThat(dockerfile).contains(
                "COPY --from=build /src/trainer/target/trainer.jar /app/trainer.jar",
                "COPY --from=build /src/avatar-stream/devstack/target/callface-dev.jar /app/callface-dev.jar",
                "COPY docker/feeder/feed.sh /app/feeder/");
    }
}
