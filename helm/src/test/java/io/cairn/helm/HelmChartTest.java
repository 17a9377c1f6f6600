package io.cairn.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The chart through an embedded Helm: linted, rendered with each values file of {@code cairn/ci}, and
 * every manifest parsed into the fabric8 Kubernetes model, refusing any field the model does not know.
 */
class HelmChartTest {

    static final Path CHART = Path.of(System.getProperty("cairn.chart", "cairn"));
    static final List<String> PARTS = List.of("gateway", "journey-service", "touchpoint-service", "metrics-service",
            "employee-nps-service");
    static final KubernetesSerialization K8S = new KubernetesSerialization();

    static List<HasMetadata> render(String valuesFile) {
        String yaml = new Helm(CHART).template().withName("cairn").withNamespace("cx")
                .withValuesFile(CHART.resolve("ci").resolve(valuesFile)).call();
        List<HasMetadata> resources = new ArrayList<>();
        for (String document : yaml.split("(?m)^---\\s*$")) {
            if (document.lines().allMatch(line -> line.isBlank() || line.trim().startsWith("#"))) {
                continue;
            }
            HasMetadata resource = K8S.unmarshal(document);
            assertNoUnknownFields(resource, resource.getKind() + " " + resource.getMetadata().getName(),
                    new IdentityHashMap<>());
            resources.add(resource);
        }
        return resources;
    }

    static <T extends HasMetadata> List<T> all(List<HasMetadata> resources, Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void theChartLintsCleanly() {
        LintResult lint = new Helm(CHART).lint().strict().call();
        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
        assertThat(lint.getMessages()).noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
        assertThat(CHART.resolve("values.schema.json")).exists();
    }

    @ParameterizedTest
    @ValueSource(strings = {"default-values.yaml", "external-mongodb-values.yaml", "bundled-mongodb-values.yaml",
            "autoscaling-off-values.yaml"})
    void everyPartIsAHardenedDeploymentWithProbesAndAServiceThatSelectsIt(String valuesFile) {
        List<HasMetadata> resources = render(valuesFile);
        List<Deployment> deployments = all(resources, Deployment.class);
        assertThat(deployments).extracting(d -> d.getMetadata().getLabels().get("app.kubernetes.io/component"))
                .containsExactlyInAnyOrderElementsOf(PARTS);

        for (Deployment deployment : deployments) {
            String name = deployment.getMetadata().getName();
            Map<String, String> selector = deployment.getSpec().getSelector().getMatchLabels();
            assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels()).as(name).containsAllEntriesOf(selector);
            Service service = all(resources, Service.class).stream()
                    .filter(s -> s.getMetadata().getName().equals(name)).findFirst().orElseThrow();
            assertThat(selector).as("service of " + name).containsAllEntriesOf(service.getSpec().getSelector());

            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(name).isTrue();
            assertThat(pod.getAutomountServiceAccountToken()).isFalse();
            Container container = pod.getContainers().get(0);
            assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).as(name).isTrue();
            assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
            assertThat(container.getSecurityContext().getCapabilities().getDrop()).contains("ALL");
            assertThat(container.getVolumeMounts()).anyMatch(m -> m.getMountPath().equals("/tmp"));
            assertThat(container.getResources().getLimits()).containsKey("memory");
            assertProbe(container.getStartupProbe(), "/actuator/health/liveness");
            assertProbe(container.getLivenessProbe(), "/actuator/health/liveness");
            assertProbe(container.getReadinessProbe(), "/actuator/health/readiness");
            assertThat(container.getPorts()).anyMatch(p -> p.getName().equals("http")
                    && p.getContainerPort().equals(service.getSpec().getPorts().get(0).getTargetPort().getIntVal()
                    == null ? p.getContainerPort() : service.getSpec().getPorts().get(0).getTargetPort().getIntVal()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"default-values.yaml", "external-mongodb-values.yaml", "bundled-mongodb-values.yaml"})
    void secretsAreReferencedNeverInlined(String valuesFile) {
        List<HasMetadata> resources = render(valuesFile);
        Set<String> renderedSecrets = Set.copyOf(all(resources, Secret.class).stream()
                .map(s -> s.getMetadata().getName()).toList());

        for (Deployment deployment : all(resources, Deployment.class)) {
            String part = deployment.getMetadata().getLabels().get("app.kubernetes.io/component");
            List<EnvVar> env = deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv();
            for (EnvVar var : env) {
                if (Stream.of("MONGODB_URI", "CAIRN_DEMO_PASSWORD", "CAIRN_WEBHOOK_SIGNING_KEY").anyMatch(var.getName()::equals)) {
                    assertThat(var.getValue()).as(part + " " + var.getName()).isNull();
                    String secret = var.getValueFrom().getSecretKeyRef().getName();
                    if (!valuesFile.startsWith("external")) {
                        assertThat(renderedSecrets).as(part + " " + var.getName()).contains(secret);
                    }
                }
                assertThat(String.valueOf(var.getValue())).doesNotContain("secret@", "change-me");
            }
            if (!part.equals("gateway")) {
                assertThat(env).anyMatch(v -> v.getName().equals("MONGODB_URI"));
            }
        }
        String everythingButSecrets = resources.stream().filter(r -> !(r instanceof Secret))
                .map(K8S::asYaml).reduce("", String::concat);
        assertThat(everythingButSecrets).doesNotContain("mongodb://cairn:secret", "change-me-0123456789abcdef");
        if (valuesFile.startsWith("external")) {
            assertThat(all(resources, Deployment.class).stream()
                    .filter(d -> !d.getMetadata().getName().endsWith("gateway"))
                    .map(d -> d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                            .filter(v -> v.getName().equals("MONGODB_URI")).findFirst().orElseThrow()
                            .getValueFrom().getSecretKeyRef()))
                    .allMatch(ref -> ref.getName().equals("cairn-mongodb") && ref.getKey().equals("connection-string"));
        }
    }

    @Test
    void autoscalingAndDisruptionBudgetsFollowTheValues() {
        List<HasMetadata> scaled = render("external-mongodb-values.yaml");
        assertThat(all(scaled, HorizontalPodAutoscaler.class)).hasSize(5)
                .allMatch(hpa -> hpa.getSpec().getMinReplicas() >= 2);
        assertThat(all(scaled, HorizontalPodAutoscaler.class)).anyMatch(hpa -> hpa.getSpec().getMaxReplicas() == 10);
        assertThat(all(scaled, PodDisruptionBudget.class)).hasSize(5);
        for (HorizontalPodAutoscaler hpa : all(scaled, HorizontalPodAutoscaler.class)) {
            assertThat(all(scaled, Deployment.class)).anyMatch(d -> d.getMetadata().getName()
                    .equals(hpa.getSpec().getScaleTargetRef().getName()));
        }
        for (PodDisruptionBudget pdb : all(scaled, PodDisruptionBudget.class)) {
            assertThat(all(scaled, Deployment.class)).anyMatch(d -> d.getSpec().getTemplate().getMetadata().getLabels()
                    .entrySet().containsAll(pdb.getSpec().getSelector().getMatchLabels().entrySet()));
        }

        List<HasMetadata> fixed = render("autoscaling-off-values.yaml");
        assertThat(all(fixed, HorizontalPodAutoscaler.class)).isEmpty();
        assertThat(all(fixed, PodDisruptionBudget.class)).isEmpty();
        assertThat(all(fixed, NetworkPolicy.class)).isEmpty();
        assertThat(all(fixed, Deployment.class)).allMatch(d -> d.getSpec().getReplicas() == 1);
    }

    @Test
    void onlyTheGatewayIsReachableFromOutside() {
        List<HasMetadata> resources = render("external-mongodb-values.yaml");
        Ingress ingress = all(resources, Ingress.class).get(0);
        assertThat(ingress.getSpec().getRules().get(0).getHttp().getPaths().get(0).getBackend().getService().getName())
                .isEqualTo("cairn-gateway");
        assertThat(ingress.getSpec().getTls().get(0).getSecretName()).isEqualTo("cairn-tls");
        // behind the ingress the gateway takes the client from its X-Forwarded-For (the public survey's limit is per client)
        assertThat(all(resources, io.fabric8.kubernetes.api.model.apps.Deployment.class).stream()
                .filter(d -> d.getMetadata().getName().equals("cairn-gateway")).findFirst().orElseThrow()
                .getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
                .anySatisfy(env -> {
                    assertThat(env.getName()).isEqualTo("CAIRN_TRUSTED_PROXIES");
                    assertThat(env.getValue()).isEqualTo("10\\..*");
                });

        List<NetworkPolicy> policies = all(resources, NetworkPolicy.class);
        for (String part : PARTS) {
            NetworkPolicy policy = policies.stream().filter(p -> part.equals(
                    p.getSpec().getPodSelector().getMatchLabels().get("app.kubernetes.io/component"))).findFirst().orElseThrow();
            assertThat(policy.getSpec().getPolicyTypes()).contains("Ingress", "Egress");
            boolean openToAll = policy.getSpec().getIngress().stream()
                    .anyMatch(rule -> rule.getFrom() == null || rule.getFrom().isEmpty());
            assertThat(openToAll).as(part).isEqualTo(part.equals("gateway"));
            if (!part.equals("gateway")) {
                assertThat(policy.getSpec().getIngress()).allMatch(rule -> rule.getFrom().stream()
                        .allMatch(peer -> peer.getPodSelector() != null
                                && peer.getPodSelector().getMatchLabels().get("app.kubernetes.io/component") != null));
            }
        }
    }

    @Test
    void telemetryIsPushedOnlyToAConfiguredCollector() {
        Map<String, String> exported = all(render("external-mongodb-values.yaml"), ConfigMap.class).get(0).getData();
        assertThat(exported).containsEntry("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT",
                        "http://otel-collector.observability.svc:4318/v1/traces")
                .containsEntry("MANAGEMENT_OTLP_METRICS_EXPORT_ENABLED", "true")
                .containsEntry("MANAGEMENT_OTLP_METRICS_EXPORT_URL", "http://otel-collector.observability.svc:4318/v1/metrics");
        assertThat(all(render("default-values.yaml"), ConfigMap.class).get(0).getData().keySet())
                .noneMatch(key -> key.startsWith("MANAGEMENT_OTLP") || key.startsWith("MANAGEMENT_OPENTELEMETRY"));
    }

    @Test
    void theBundledMongoDbIsOptional() {
        assertThat(all(render("default-values.yaml"), StatefulSet.class)).isEmpty();
        List<HasMetadata> bundled = render("bundled-mongodb-values.yaml");
        StatefulSet mongo = all(bundled, StatefulSet.class).get(0);
        assertThat(mongo.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(all(bundled, Service.class)).anyMatch(s -> s.getSpec().getPorts().get(0).getPort() == 27017);
    }

    @Test
    void contradictoryValuesAreRefusedWithAClearMessage() throws java.io.IOException {
        Path both = CHART.resolve("ci").resolve("bundled-mongodb-values.yaml");
        assertThatThrownBy(() -> new Helm(CHART).template().withName("cairn").withValuesFile(both)
                .set("mongodb.external.enabled", true).set("mongodb.external.uri", "mongodb://x").call())
                .hasMessageContaining("mongodb");
        assertThatThrownBy(() -> new Helm(CHART).template().withName("cairn")
                .withValuesFile(CHART.resolve("ci").resolve("default-values.yaml"))
                .set("telemetry.sampling", "often").call());
        assertThat(Files.readString(CHART.resolve("values.yaml").toAbsolutePath(), java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain("password: cairn");
    }

    static void assertProbe(Probe probe, String path) {
        assertThat(probe).isNotNull();
        assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
    }

    /** Walks the model: a field the model did not know lands in an additionalProperties map, which must stay empty. */
    static void assertNoUnknownFields(Object node, String where, Map<Object, Boolean> seen) {
        if (node == null || seen.containsKey(node) || !node.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        seen.put(node, true);
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(node);
            } catch (ReflectiveOperationException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                assertThat((Map<?, ?>) value).as("unknown fields in " + where + " (" + node.getClass().getSimpleName() + ")")
                        .isNullOrEmpty();
            } else if (value instanceof Collection<?> items) {
                items.forEach(item -> assertNoUnknownFields(item, where, seen));
            } else if (value instanceof Map<?, ?> map) {
                map.values().forEach(item -> assertNoUnknownFields(item, where, seen));
            } else {
                assertNoUnknownFields(value, where, seen);
            }
        }
    }
}
