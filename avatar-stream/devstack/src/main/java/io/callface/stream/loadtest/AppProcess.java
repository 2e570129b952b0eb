package io.callface.stream.loadtest;

import io.callface.stream.cli.AvatarStreamCli;
import io.callface.stream.config.AvatarStreamConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One avatar-stream instance in a child JVM ({@code avatar-stream run --config FILE}, on this JVM's class path),
 * so that a fault run can kill it the hard way ({@code SIGKILL}: no shutdown hook, no clean close, an open
 * transaction left behind) and start it again on the same state directory. Its output goes to
 * {@code <name>.log} in the work directory.
 */
public final class AppProcess implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path configFile;
    private final Path log;
    private final List<String> jvmOptions;
    private final int httpPort;
    private Process process;

    private AppProcess(String name, Path configFile, Path log, List<String> jvmOptions, int httpPort) {
        this.name = name;
        this.configFile = configFile;
        this.log = log;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.httpPort = httpPort;
    }

    /**
     * Writes the instance's configuration ({@code settings}, its own state directory and a free HTTP port) and
     * starts it.
     */
    public static AppProcess start(String name, Map<String, ?> settings, Path workDir, List<String> jvmOptions) {
        try {
            Files.createDirectories(workDir);
            int port = freePort();
            Properties properties = new Properties();
            settings.forEach((key, value) -> properties.setProperty(key, String.valueOf(value)));
            properties.setProperty(AvatarStreamConfig.STATE_DIR_CONFIG, workDir.resolve(name + "-state").toString());
            properties.setProperty(AvatarStreamConfig.HTTP_PORT_CONFIG, String.valueOf(port));
            Path config = workDir.resolve(name + ".properties");
            try (Writer writer = Files.newBufferedWriter(config)) {
                properties.store(writer, "callface fault-run instance " + name);
            }
            AppProcess app = new AppProcess(name, config, workDir.resolve(name + ".log"), jvmOptions, port);
            app.launch();
            return app;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start instance " + name + " in " + workDir, e);
        }
    }

    private void launch() throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), AvatarStreamCli.class.getName(),
                "run", "--config", configFile.toString()));
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    /** Whether {@code /health/ready} answers 200: Kafka Streams RUNNING and a model loaded. */
    public boolean ready() {
        if (!process.isAlive()) {
            return false;
        }
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Waits until ready; throws naming the log when it is not within {@code timeout} or the process died. */
    public void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("instance " + name + " exited with " + process.exitValue() + "; see " + log);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("instance " + name + " not ready within " + timeout + "; see " + log);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        }
    }

    /** SIGKILL, then waits for the process to be gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("instance " + name + " survived SIGKILL for 30 s");
        }
    }

    /** Starts the instance again with the same configuration and state directory. */
    public void restart() {
        if (process.isAlive()) {
            throw new IllegalStateException("instance " + name + " is still running");
        }
        try {
            launch();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restart instance " + name, e);
        }
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    /** A polite stop (SIGTERM: the shutdown hook closes the application), forcibly after 60 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
