package io.cairn.employeenps.survey;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.platform.test.CairnServiceTest;
import io.cairn.platform.test.ServiceHttp;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

@CairnServiceTest
@TestPropertySource(properties = "cairn.enps.public-rate-limit=3")
class PublicRateLimitTest {

    @Value("${local.server.port}")
    int port;

    @Test
    void publicEndpointsAreLimitedPerClientAsTheGatewayNamesIt() {
        ServiceHttp http = ServiceHttp.localhost(port);
        Map<String, Object> body = Map.of("token", "guess");

        for (int i = 0; i < 3; i++) {
            // what the gateway sends: the client address it decided; what a client claims in X-Forwarded-For does not count
            assertThat(http.post("/public/survey", null, body, Map.of("X-Cairn-Client-Address", "10.0.0.1",
                    "X-Forwarded-For", "203.0.113." + i)).status()).isEqualTo(404);
        }
        ServiceHttp.Response limited = http.post("/public/survey/responses", null, Map.of("token", "guess", "score", 5),
                Map.of("X-Cairn-Client-Address", "10.0.0.1", "X-Forwarded-For", "198.51.100.7"));
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.json().at("/code").asString()).isEqualTo("TOO_MANY_REQUESTS");

        // another client keeps its own allowance
        assertThat(http.post("/public/survey", null, body, Map.of("X-Cairn-Client-Address", "10.0.0.2")).status()).isEqualTo(404);
    }
}
