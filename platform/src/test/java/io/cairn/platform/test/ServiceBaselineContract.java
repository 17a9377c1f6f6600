package io.cairn.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/**
 * What every Cairn service guarantees, whatever its domain: database-aware readiness, no access
 * without a trusted token, problem+json errors, Prometheus metrics, JSON logs with the trace id.
 * Each service runs it by extending this class in a {@link CairnServiceTest}.
 */
@ExtendWith(OutputCaptureExtension.class)
public abstract class ServiceBaselineContract {

    @Value("${local.server.port}")
    int port;

    protected ServiceHttp http;

    @BeforeEach
    void connect() {
        http = ServiceHttp.localhost(port);
    }

    /** A path of the service's own API that exists and needs a token, e.g. {@code /journeys}. */
    protected String protectedPath() {
        return "/actuator/info";
    }

    /** The least role that may read {@link #protectedPath()}. */
    protected String protectedPathRole() {
        return "admin";
    }

    @Test
    void readinessIsUpAndIncludesTheDatabasePing() {
        ServiceHttp.Response readiness = http.get("/actuator/health/readiness", null);

        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().at("/status").asString()).isEqualTo("UP");
        assertThat(readiness.json().at("/components/mongo/status").asString()).isEqualTo("UP");
        assertThat(http.get("/actuator/health/liveness", null).json().at("/status").asString()).isEqualTo("UP");
    }

    @Test
    void everythingButHealthNeedsATrustedToken() {
        ServiceHttp.Response anonymous = http.get(protectedPath(), null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(anonymous.json().at("/code").asString()).isEqualTo("UNAUTHORIZED");

        assertThat(http.get(protectedPath(), TestTokens.foreignBearer("admin")).status()).isEqualTo(401);
        assertThat(http.get(protectedPath(), "Bearer not-a-jwt").status()).isEqualTo(401);
        assertThat(http.get("/actuator/prometheus", null).status()).isEqualTo(401);
        assertThat(http.get(protectedPath(), TestTokens.bearer(protectedPathRole())).status()).isEqualTo(200);
    }

    @Test
    void prometheusMetricsAreForAdmins() {
        http.get(protectedPath(), TestTokens.bearer(protectedPathRole()));

        assertThat(http.get("/actuator/prometheus", TestTokens.bearer("viewer")).status()).isEqualTo(403);
        ServiceHttp.Response metrics = http.get("/actuator/prometheus", TestTokens.bearer("admin"));
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("http_server_requests_seconds_count");
    }

    @Test
    void theOpenApiDocumentIsServedToSignedInUsers() {
        assertThat(http.get("/v3/api-docs", null).status()).isEqualTo(401);
        ServiceHttp.Response docs = http.get("/v3/api-docs", TestTokens.bearer("viewer"));
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().at("/openapi").asString()).startsWith("3.");
        assertThat(docs.json().at("/info/title").asString()).startsWith("Cairn");
    }

    @Test
    void logsAreJsonAndCarryTheCallersTraceId(CapturedOutput output) {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";

        http.get(protectedPath(), TestTokens.bearer(protectedPathRole()),
                Map.of("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"));

        String line = output.getOut().lines().filter(l -> l.contains(traceId)).findFirst().orElseThrow(
                () -> new AssertionError("no log line carries trace id " + traceId));
        JsonNode log = ServiceHttp.JSON.readTree(line);
        assertThat(log.toString()).contains(traceId);
        assertThat(log.at("/message").asString()).contains(protectedPath());
    }

    /**
     * Every refusal the service words itself ({@code Refusal.of("key", ...)}) and every kind of object it says does not
     * exist has its words in both Chinese bundles, and the two bundles name the same keys with the same arguments: a
     * text left out would reach the user in English without anyone noticing.
     */
    @Test
    void everyRefusalOfTheServiceHasItsWordsInEveryLanguage() throws java.io.IOException {
        java.util.Set<String> keys = new java.util.TreeSet<>();
        java.util.Set<String> kinds = new java.util.TreeSet<>();
        try (var sources = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java"))) {
            for (java.nio.file.Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                String code = java.nio.file.Files.readString(source);
                java.util.regex.Pattern.compile("Refusal\\.of\\(\\s*\"([\\w.]+)\"").matcher(code).results()
                        .forEach(m -> keys.add(m.group(1)));
                java.util.regex.Pattern.compile("notFound\\(\"([^\"]+)\"").matcher(code).results()
                        .forEach(m -> kinds.add("problem.notFound." + m.group(1).replace(' ', '_')));
            }
        }
        for (String language : java.util.List.of("zh_CN", "zh_TW")) {
            java.util.Properties service = texts("problems_" + language + ".properties");
            java.util.Properties platform = texts("io/cairn/platform/web/problems_" + language + ".properties");
            assertThat(service.stringPropertyNames()).as(language).containsAll(keys);
            assertThat(platform.stringPropertyNames()).as(language).containsAll(kinds);
        }
        java.util.Properties simplified = texts("problems_zh_CN.properties");
        java.util.Properties traditional = texts("problems_zh_TW.properties");
        assertThat(traditional.stringPropertyNames()).isEqualTo(simplified.stringPropertyNames());
        for (String key : simplified.stringPropertyNames()) {
            assertThat(arguments(traditional.getProperty(key))).as(key).isEqualTo(arguments(simplified.getProperty(key)));
        }
    }

    private static java.util.Properties texts(String resource) throws java.io.IOException {
        java.util.Properties texts = new java.util.Properties();
        try (var in = ServiceBaselineContract.class.getClassLoader().getResourceAsStream(resource)) {
            if (in != null) {
                texts.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return texts;
    }

    private static java.util.Set<String> arguments(String pattern) {
        return java.util.regex.Pattern.compile("\\{(\\d+)").matcher(pattern).results().map(m -> m.group(1))
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    }
}
