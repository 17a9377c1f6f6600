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
}
