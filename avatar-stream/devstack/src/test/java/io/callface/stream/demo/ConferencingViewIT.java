package io.callface.stream.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callface.avro.AudioChunk;
import io.callface.serde.AvroSerde;
import io.callface.serde.SchemaRegistryClients;
import io.callface.stream.demo.AudioFeeder;
import io.callface.stream.demo.CallerAudio;
import io.callface.stream.demo.DemoModel;
import io.callface.stream.demo.DemoStack;
import io.callface.stream.window.SpeakerId;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The conferencing view in real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) on
 * the embedded stack: two calls of synthetic callers, tiles with a face and a cartoon, live updates, and
 * dimmed tiles at end of stream; every cartoon draws what its avatar's attributes say, and callers of different
 * sex get different cartoons. {@code -Dscreenshot=FILE} saves a screenshot of a live call.
 */
class ConferencingViewIT {
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path temp;
    private static DemoStack stack;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws IOException {
        // The shipped demo model, as the demo serves it; -Dmodel=DIR serves another model directory.
        String given = System.getProperty("model");
        Path model = given != null && !given.isBlank() ? Path.of(given)
                : DemoModel.ensure(temp.resolve("cache"), new PrintStream(new ByteArrayOutputStream()));
        stack = DemoStack.start(new DemoStack.Settings(0, 0, 0, temp.resolve("data"), model, temp.resolve("out")),
                new PrintStream(new ByteArrayOutputStream()));
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1280,960");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).build(),
                options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void tilesShowEveryParticipantLiveAndGreyOutAtTheEnd() throws Exception {
        await().atMost(PATIENCE).until(() -> stack.app().state() == KafkaStreams.State.RUNNING);
        String base = "http://127.0.0.1:" + stack.app().httpPort() + "/";
        browser.get(base + "?call=standup-1");
        await().atMost(PATIENCE).until(() -> "live".equals(browser.findElement(By.id("status")).getText()));

        // 12.5 s per caller (6.3-8.4 s of it voiced, DemoCallersTest): a provisional avatar, the full 6 s window,
        // then the end.
        CompletableFuture<Void> feeding = CompletableFuture.runAsync(() -> feedOneRound());

        await().atMost(PATIENCE).until(() -> tiles().size() == 3);
        List<String> firstWindows = tiles().stream().map(t -> t.getAttribute("class")).toList();
        assertThat(firstWindows).allMatch(c -> c.contains("is-provisional")).allMatch(c -> c.contains("is-speaking"));

        // A participant joining the call while it runs gets a tile of their own.
        CompletableFuture<Void> joiner = join("standup-1", "zoe");
        await().atMost(PATIENCE).until(() -> tiles().size() == 4);
        // "Speaking" lasts 8 s after an avatar, so it is checked on tiles that just got one: on a slow machine the
        // first callers may have finished by the time the joiner's first avatar comes.
        assertThat(tiles()).filteredOn(t -> t.findElement(By.className("name")).getText().equals("zoe"))
                .singleElement().satisfies(t -> assertThat(t.getAttribute("class")).contains("is-speaking"));
        for (WebElement tile : tiles()) {
            assertThat(faceWidth(tile)).isPositive();
            assertThat(tile.findElements(By.cssSelector(".cartoon ellipse"))).hasSizeGreaterThan(3);
        }

        // The full window replaces each provisional avatar in place.
        await().atMost(PATIENCE).until(() -> tiles().stream().noneMatch(t -> t.getAttribute("class").contains("is-provisional")));
        assertThat(tiles()).extracting(t -> t.findElement(By.className("name")).getText())
                .containsExactlyInAnyOrder("ada", "grace", "linus", "zoe");
        String screenshot = System.getProperty("screenshot");
        if (screenshot != null && !screenshot.isBlank()) {
            Path target = Path.of(screenshot).toAbsolutePath();
            Files.createDirectories(target.getParent());
            Files.write(target, browser.getScreenshotAs(OutputType.BYTES));
        }

        await().atMost(PATIENCE).until(() -> tiles().stream().allMatch(t -> t.getAttribute("class").contains("is-ended")));
        assertThat(tiles()).noneMatch(t -> t.getAttribute("class").contains("is-speaking"));
        feeding.get();
        joiner.get();
        Map<String, String> looks = new TreeMap<>(cartoonsAsTheAttributesSay(base, "standup-1"));

        // The other call, loaded from the API after it ended: two dimmed tiles.
        browser.get(base + "?call=support-1");
        await().atMost(PATIENCE).until(() -> tiles().size() == 2
                && tiles().stream().allMatch(t -> t.getAttribute("class").contains("is-ended")));
        assertThat(browser.findElements(By.cssSelector("#call-picker option"))).extracting(WebElement::getText)
                .anyMatch(text -> text.startsWith("standup-1")).anyMatch(text -> text.startsWith("support-1"));
        looks.putAll(cartoonsAsTheAttributesSay(base, "support-1"));

        // The cast's men and women (as the demo casts them) get cartoons that differ in hair or facial hair.
        for (DemoCallers.CastMember man : DemoCallers.CAST.stream().filter(DemoCallers.CastMember::male).toList()) {
            for (DemoCallers.CastMember woman : DemoCallers.CAST.stream().filter(c -> !c.male()).toList()) {
                assertThat(looks.get(man.name())).as(man.name() + " against " + woman.name())
                        .isNotEqualTo(looks.get(woman.name()));
            }
        }
    }

    /**
     * Checks that each tile's cartoon draws what the participant's attributes (from the API) say: the hair style
     * of its length class (short hair cut by perceived sex), hair falling behind the head from chin length on,
     * facial hair by its probability (stubble from 0.5, a full beard from 0.75), no lines of age on a face whose
     * age, one standard deviation below the estimate, is under 31, and lines from 40. Returns each participant's look: hair style and facial hair.
     */
    private static Map<String, String> cartoonsAsTheAttributesSay(String base, String callId) throws Exception {
        Map<String, String> looks = new TreeMap<>();
        for (WebElement tile : tiles()) {
            String name = tile.findElement(By.className("name")).getText();
            JsonNode attributes = getJson(base + "api/calls/" + callId + "/participants/" + name).get("attributes");
            assertThat(attributes.isObject()).as("attributes of " + name).isTrue();
            WebElement svg = tile.findElement(By.cssSelector(".cartoon svg"));
            assertThat(svg.getRect().getWidth()).isPositive();

            String length = attributes.get("hair").get("lengthClass").asText();
            double male = attributes.get("maleProbability").asDouble();
            String style = switch (length) {
                case "BUZZ" -> "BUZZ";
                case "SHORT" -> male >= 0.5 ? "SIDE_PART" : "PIXIE";
                default -> "CURTAINS";
            };
            assertThat(svg.getAttribute("data-hair-length")).as(name).isEqualTo(length);
            assertThat(svg.getAttribute("data-hair-style")).as(name).isEqualTo(style);
            assertThat(shapes(svg, "hair-back")).as(name).isEqualTo(List.of("CHIN", "SHOULDER", "LONG").contains(length) ? 1 : 0);

            double facialHair = attributes.get("facialHairProbability").asDouble();
            String beard = facialHair >= 0.75 ? "FULL" : facialHair >= 0.5 ? "STUBBLE" : "NONE";
            assertThat(svg.getAttribute("data-facial-hair")).as(name).isEqualTo(beard);
            assertThat(shapes(svg, "beard")).as(name).isEqualTo(beard.equals("NONE") ? 0 : 1);
            assertThat(shapes(svg, "moustache")).as(name).isEqualTo(beard.equals("FULL") ? 1 : 0);

            // Signs of age are drawn for one sd below the head's estimate.
            double age = attributes.get("ageYears").asDouble() - attributes.get("ageSdYears").asDouble();
            int lines = shapes(svg, "age-lines");
            assertThat(svg.getAttribute("data-age-lines")).isEqualTo(String.valueOf(lines));
            if (age < 31) {
                assertThat(lines).as(name + ", " + age + " years").isZero();
            } else if (age >= 40) {
                assertThat(lines).as(name + ", " + age + " years").isGreaterThanOrEqualTo(5);
            }
            looks.put(name, style + " " + beard);
        }
        return looks;
    }

    private static int shapes(WebElement svg, String part) {
        return svg.findElements(By.cssSelector("[data-part='" + part + "'] path")).size();
    }

    private static JsonNode getJson(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static void feedOneRound() {
        try {
            stack.feed(1, 12.5, List.of(), 1.0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Publishes a 12 s call of one more speaker (a woman of 23) in {@code callId}, in real time. */
    private static CompletableFuture<Void> join(String callId, String participantId) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        KafkaProducer<String, AudioChunk> producer = new KafkaProducer<>(props, new StringSerializer(),
                new AvroSerde<>(SchemaRegistryClients.forUrl(stack.registryUrl()), AudioChunk.class).serializer());
        CallerAudio caller = DemoCallers.speaker(new SpeakerId(callId, participantId), false, 23, 12, new Random(7));
        AudioFeeder feeder = new AudioFeeder(producer, stack.config().audioTopic());
        return feeder.start(List.of(caller), 1.0)
                // Closed off the feeder's own thread: closing stops that thread's executor.
                .whenCompleteAsync((done, error) -> feeder.close());
    }

    private static List<WebElement> tiles() {
        return browser.findElements(By.cssSelector("#tiles .tile"));
    }

    private static Long faceWidth(WebElement tile) {
        WebElement img = tile.findElement(By.className("face"));
        await().atMost(PATIENCE).until(() -> ((Number) ((JavascriptExecutor) browser)
                .executeScript("return arguments[0].naturalWidth", img)).longValue() > 0);
        return ((Number) ((JavascriptExecutor) browser).executeScript("return arguments[0].naturalWidth", img)).longValue();
    }
}
