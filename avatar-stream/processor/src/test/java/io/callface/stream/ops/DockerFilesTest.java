package io.callface.stream.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.callface.stream.config.AvatarStreamConfig;
import io.callface.stream.config.EnvironmentSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** docker/: the images build with CI's Maven command and run unprivileged; compose wires documented settings. */
class DockerFilesTest {
    /** The build command of .ci/run's packaging step (verify there, package -DskipTests for images). */
    private static final String CI_BUILD = "./mvnw -B -ntp package -DskipTests";
    private static final Pattern USER = Pattern.compile("(?m)^USER\\s+(\\S+)\\s*$");
    private static final Pattern FROM = Pattern.compile("(?m)^FROM\\s+(\\S+)");

    private final Path docker = RepositoryFiles.find("docker");

    @ParameterizedTest
    @ValueSource(strings = {"Dockerfile", "Dockerfile.cuda", "Dockerfile.trainer"})
    void buildsWithCiCommandAndRunsAsNonRoot(String name) throws IOException {
        String dockerfile = Files.readString(docker.resolve(name));

        assertThat(dockerfile).contains("RUN --mount=type=cache,target=/root/.m2 " + CI_BUILD);
        assertThat(FROM.matcher(dockerfile).results().count()).as("multi-stage").isGreaterThanOrEqualTo(2);
        List<String> users = USER.matcher(dockerfile).results().map(m -> m.group(1)).toList();
        assertThat(users).isNotEmpty().allSatisfy(user -> assertThat(user).isNotIn("root", "0", "0:0"));
        // The last USER applies to the final (runtime) stage.
        assertThat(dockerfile.lastIndexOf("USER ")).isGreaterThan(dockerfile.lastIndexOf("FROM "));
        assertThat(dockerfile).contains("-XX:MaxRAMPercentage=");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Dockerfile", "Dockerfile.cuda"})
    void streamImagesCheckLivenessAndTakeEnvironmentSettings(String name) throws IOException {
        String dockerfile = Files.readString(docker.resolve(name));

        assertThat(dockerfile).containsPattern("(?s)HEALTHCHECK .*CMD curl -fsS \"http://127\\.0\\.0\\.1:\\$\\{CALLFACE_HTTP_PORT}/health/live\"");
        assertThat(dockerfile).contains("-XX:+UseContainerSupport");
        assertDocumented(envVariables(dockerfile));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Dockerfile", "Dockerfile.cuda"})
    void streamImagesShipTheProductionJarNotTheDeveloperStack(String name) throws IOException {
        String dockerfile = Files.readString(docker.resolve(name));
        String processorPom = Files.readString(RepositoryFiles.find("avatar-stream/processor/pom.xml"));

        assertThat(processorPom).contains("<shade.final.name>avatar-stream</shade.final.name>");
        assertThat(dockerfile).contains("COPY --from=build /src/avatar-stream/processor/target/avatar-stream.jar /app/avatar-stream.jar")
                .doesNotContain("callface-dev");
    }

    @Test
    void cudaImageBuildsTheGpuProfileOnCuda12WithCudnn9() throws IOException {
        String dockerfile = Files.readString(docker.resolve("Dockerfile.cuda"));

        assertThat(dockerfile).contains(CI_BUILD + " -Pgpu");
        assertThat(dockerfile).containsPattern("(?m)^FROM nvidia/cuda:12\\.\\d+\\.\\d+-cudnn-runtime-");
    }

    @Test
    void composeRunsTheWholeStack() throws IOException {
        JsonNode compose = RepositoryFiles.readYaml(docker.resolve("compose.yaml"));
        JsonNode services = compose.path("services");

        assertThat(fieldNames(services)).contains("kafka", "schema-registry", "topics", "trainer",
                "avatar-stream-1", "avatar-stream-2", "feeder");
        assertThat(services.path("kafka").path("image").asText()).startsWith("apache/kafka:");
        assertThat(services.path("kafka").path("environment").path("KAFKA_PROCESS_ROLES").asText()).isEqualTo("broker,controller");
        assertThat(fieldNames(compose.path("volumes"))).contains("models", "state-1", "state-2");
        assertThat(services.path("trainer").path("volumes").toString()).contains("models:/models");
        assertThat(services.path("trainer").path("build").path("dockerfile").asText()).isEqualTo("docker/Dockerfile.trainer");
        assertThat(services.path("feeder").path("build").path("target").asText()).isEqualTo("feeder");
        for (String name : List.of("kafka", "schema-registry", "avatar-stream-1", "avatar-stream-2")) {
            assertThat(services.path(name).path("healthcheck").path("test").toString()).as(name).isNotEmpty().isNotEqualTo("\"\"");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"avatar-stream-1", "avatar-stream-2"})
    void avatarStreamInstancesShareOneApplicationAndTheModelVolume(String name) throws IOException {
        JsonNode service = RepositoryFiles.readYaml(docker.resolve("compose.yaml")).path("services").path(name);
        JsonNode environment = service.path("environment");

        assertThat(environment.isObject()).as("environment as a map").isTrue();
        assertDocumented(fieldNames(environment));
        for (String key : List.of(AvatarStreamConfig.BOOTSTRAP_SERVERS_CONFIG, AvatarStreamConfig.SCHEMA_REGISTRY_URL_CONFIG,
                AvatarStreamConfig.MODEL_DIR_CONFIG, AvatarStreamConfig.APPLICATION_ID_CONFIG, AvatarStreamConfig.HTTP_HOST_CONFIG)) {
            assertThat(environment.has(EnvironmentSettings.variableFor(key))).as(key).isTrue();
        }
        assertThat(environment.path("CALLFACE_APPLICATION_ID").asText()).isEqualTo("callface-avatar-stream");
        assertThat(service.path("volumes").toString()).contains("models:/models:ro");
        assertThat(service.path("healthcheck").path("test").toString()).contains("/health/live");
        assertThat(service.path("image").asText()).isEqualTo("callface/avatar-stream:latest");
    }

    @Test
    void everyCallfaceVariableInComposeIsADocumentedSetting() throws IOException {
        JsonNode services = RepositoryFiles.readYaml(docker.resolve("compose.yaml")).path("services");
        List<String> variables = new ArrayList<>();
        services.forEach(service -> variables.addAll(fieldNames(service.path("environment"))));

        assertDocumented(variables);
        assertThat(variables).anyMatch(v -> v.startsWith(EnvironmentSettings.PREFIX));
    }

    /** Each CALLFACE_* name maps to a documented key or a kafka.-prefixed client setting. */
    private static void assertDocumented(List<String> variables) {
        for (String variable : variables) {
            if (variable.startsWith(EnvironmentSettings.PREFIX)) {
                String key = EnvironmentSettings.keyFor(variable);
                assertThat(AvatarStreamConfig.CONFIG_DEF.names().contains(key) || key.startsWith(AvatarStreamConfig.KAFKA_PREFIX))
                        .as(variable + " -> " + key).isTrue();
            }
        }
    }

    private static List<String> envVariables(String dockerfile) {
        List<String> names = new ArrayList<>();
        Matcher matcher = Pattern.compile("(?m)(?:^ENV\\s+|^\\s+)(CALLFACE_[A-Z0-9_]+)=").matcher(dockerfile);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        assertThat(names).isNotEmpty();
        return names;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

}
