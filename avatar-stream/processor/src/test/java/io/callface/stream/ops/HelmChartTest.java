package io.callface.stream.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.callface.stream.config.AvatarStreamConfig;
import io.callface.stream.config.EnvironmentSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** helm/callface: lints, and renders (offline, helm-java's bundled native helm) to the objects we rely on. */
class HelmChartTest {
    private static final Path CHART = RepositoryFiles.find("helm/callface");
    private static final Path GPU_VALUES = CHART.resolve("values-gpu.yaml");

    @Test
    void lintsCleanly() {
        LintResult result = new Helm(CHART).lint().strict().call();

        assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
    }

    @Test
    void defaultRenderRunsOnCpuWithProbesHpaPdbAndTrainerJob() throws IOException {
        List<JsonNode> objects = render(t -> t);
        JsonNode container = avatarStreamContainer(objects);

        assertThat(container.path("image").asText()).isEqualTo("callface/avatar-stream:0.1.0");
        assertThat(container.path("resources").toString()).doesNotContain("nvidia.com/gpu");
        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/health/live");
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/health/ready");
        assertThat(container.at("/startupProbe/httpGet/path").asText()).isEqualTo("/health/live");
        assertThat(container.at("/livenessProbe/httpGet/port").asText()).isEqualTo("http");
        assertThat(container.at("/ports/0/containerPort").asInt()).isEqualTo(8080);
        assertThat(container.path("env").toString())
                .contains("CALLFACE_HTTP_ADVERTISED_HOST").contains("status.podIP");
        assertThat(deployment(objects).at("/spec/template/spec/nodeSelector").isMissingNode()).isTrue();
        assertThat(deployment(objects).at("/spec/template/spec/enableServiceLinks").asBoolean(true)).isFalse();

        JsonNode hpa = single(objects, "HorizontalPodAutoscaler");
        assertThat(hpa.at("/spec/scaleTargetRef/name").asText()).isEqualTo(deployment(objects).at("/metadata/name").asText());
        assertThat(hpa.at("/spec/metrics/0/resource/name").asText()).isEqualTo("cpu");
        assertThat(kinds(objects)).doesNotContain("ScaledObject", "ServiceMonitor", "Secret", "CronJob");

        JsonNode pdb = single(objects, "PodDisruptionBudget");
        assertThat(pdb.at("/spec/minAvailable").asInt()).isEqualTo(1);
        assertThat(pdb.at("/spec/selector/matchLabels")).isEqualTo(deployment(objects).at("/spec/selector/matchLabels"));

        JsonNode job = single(objects, "Job");
        String claim = single(objects, "PersistentVolumeClaim").at("/metadata/name").asText();
        assertThat(job.at("/spec/template/spec/volumes").toString()).contains("\"claimName\":\"" + claim + "\"");
        assertThat(deployment(objects).at("/spec/template/spec/volumes").toString()).contains("\"claimName\":\"" + claim + "\"");
        assertThat(job.at("/spec/template/spec/containers/0/args/0").asText())
                .contains("trainer.jar synth", "trainer.jar train", "--out /models/releases/", "mv -T /models/current.next /models/current",
                        "trainer.jar publish --model /models/releases/");
        assertThat(job.at("/spec/template/spec/containers/0/envFrom/0/configMapRef/name").asText())
                .isEqualTo(avatarStreamContainer(objects).at("/envFrom/0/configMapRef/name").asText());
    }

    @Test
    void configMapCarriesDocumentedSettingsAsEnvironmentVariables() throws IOException {
        List<JsonNode> objects = render(t -> t);
        JsonNode data = single(objects, "ConfigMap").path("data");

        List<String> variables = new ArrayList<>();
        data.fieldNames().forEachRemaining(variables::add);
        assertThat(variables).isNotEmpty();
        for (String variable : variables) {
            assertThat(AvatarStreamConfig.CONFIG_DEF.names()).as(variable).contains(EnvironmentSettings.keyFor(variable));
        }
        assertThat(data.path("CALLFACE_MODEL_DIR").asText()).isEqualTo("/models/current");
        assertThat(data.path("CALLFACE_HTTP_HOST").asText()).isEqualTo("0.0.0.0");
        assertThat(data.path("CALLFACE_BOOTSTRAP_SERVERS").asText()).isEqualTo("kafka:9092");
        assertThat(avatarStreamContainer(objects).at("/envFrom/0/configMapRef/name").asText())
                .isEqualTo(single(objects, "ConfigMap").at("/metadata/name").asText());
    }

    @Test
    void gpuRenderRequestsGpusOnGpuNodesWithTheCudaImage() throws IOException {
        List<JsonNode> objects = render(t -> t.withValuesFile(GPU_VALUES));
        JsonNode container = avatarStreamContainer(objects);
        JsonNode pod = deployment(objects).at("/spec/template/spec");

        assertThat(container.at("/resources/limits/nvidia.com~1gpu").asInt()).isEqualTo(1);
        assertThat(container.at("/resources/requests/nvidia.com~1gpu").asInt()).isEqualTo(1);
        assertThat(container.path("image").asText()).isEqualTo("callface/avatar-stream:0.1.0-cuda");
        assertThat(pod.at("/nodeSelector/nvidia.com~1gpu.present").asText()).isEqualTo("true");
        assertThat(pod.path("tolerations").toString()).contains("nvidia.com/gpu");
        assertThat(single(objects, "ConfigMap").at("/data/CALLFACE_INFERENCE_PROVIDER").asText()).isEqualTo("CUDA");
        assertThat(single(objects, "Job").toString()).doesNotContain("nvidia.com/gpu");
    }

    @Test
    void kafkaCredentialsReachThePodsOnlyThroughTheSecret() throws IOException {
        List<JsonNode> objects = render(t -> t
                .set("kafkaSecret.create", true)
                .set("kafkaSecret.data.security\\.protocol", "SASL_SSL")
                .set("kafkaSecret.data.sasl\\.jaas\\.config", "org.example.Login required password=\"s3cr3t\";")
                .set("kafkaSecret.schemaRegistryUserInfo", "reg:pw"));
        JsonNode secret = single(objects, "Secret");

        assertThat(secret.at("/stringData/CALLFACE_KAFKA_SECURITY_PROTOCOL").asText()).isEqualTo("SASL_SSL");
        assertThat(secret.at("/stringData/CALLFACE_KAFKA_SASL_JAAS_CONFIG").asText()).contains("s3cr3t");
        assertThat(secret.at("/stringData/CALLFACE_SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO").asText()).isEqualTo("reg:pw");
        assertThat(EnvironmentSettings.keyFor("CALLFACE_KAFKA_SASL_JAAS_CONFIG")).isEqualTo("kafka.sasl.jaas.config");
        assertThat(avatarStreamContainer(objects).at("/envFrom/1/secretRef/name").asText())
                .isEqualTo(secret.at("/metadata/name").asText());
        assertThat(single(objects, "ConfigMap").toString()).doesNotContain("s3cr3t");
        assertThat(deployment(objects).toString()).doesNotContain("s3cr3t");
    }

    @Test
    void kedaReplacesTheHpaAndScalesOnTheApplicationsLag() throws IOException {
        List<JsonNode> objects = render(t -> t.set("keda.enabled", true).set("serviceMonitor.enabled", true));
        JsonNode scaledObject = single(objects, "ScaledObject");

        assertThat(kinds(objects)).doesNotContain("HorizontalPodAutoscaler");
        assertThat(scaledObject.at("/spec/triggers/0/type").asText()).isEqualTo("kafka");
        assertThat(scaledObject.at("/spec/triggers/0/metadata/consumerGroup").asText()).isEqualTo("callface-avatar-stream");
        assertThat(scaledObject.at("/spec/triggers/0/metadata/topic").asText()).isEqualTo("callface.audio");
        assertThat(single(objects, "ServiceMonitor").at("/spec/endpoints/0/path").asText()).isEqualTo("/metrics");
        assertThat(deployment(objects).at("/spec/replicas").isMissingNode()).isTrue();
    }

    @Test
    void scheduledTrainerIsACronJob() throws IOException {
        List<JsonNode> objects = render(t -> t.set("trainer.schedule", "0 3 * * 0"));

        assertThat(kinds(objects)).contains("CronJob").doesNotContain("Job");
        assertThat(single(objects, "CronJob").at("/spec/schedule").asText()).isEqualTo("0 3 * * 0");
    }

    private static List<JsonNode> render(UnaryOperator<com.marcnuri.helm.TemplateCommand> options) throws IOException {
        String manifests = options.apply(new Helm(CHART).template().withName("callface").withNamespace("calls")).call();
        return RepositoryFiles.readAllYaml(manifests);
    }

    private static JsonNode single(List<JsonNode> objects, String kind) {
        List<JsonNode> matching = objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
        assertThat(matching).as(kind).hasSize(1);
        return matching.get(0);
    }

    private static List<String> kinds(List<JsonNode> objects) {
        return objects.stream().map(o -> o.path("kind").asText()).toList();
    }

    private static JsonNode deployment(List<JsonNode> objects) {
        return single(objects, "Deployment");
    }

    private static JsonNode avatarStreamContainer(List<JsonNode> objects) {
        JsonNode container = deployment(objects).at("/spec/template/spec/containers/0");
        assertThat(container.path("name").asText()).isEqualTo("avatar-stream");
        return container;
    }
}
