package io.cairn.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Who the client is, behind trusted proxies or not. */
class ClientAddressFilterTest {

    @Test
    void theClientIsThePeerUnlessThePeerIsATrustedProxy() {
        ClientAddressFilter direct = new ClientAddressFilter("");
        assertThat(direct.clientOf("198.51.100.7", List.of("203.0.113.9"))).isEqualTo("198.51.100.7");

        // behind an ingress at 10.x: the last hop it names that is not one of the trusted proxies
        ClientAddressFilter behindIngress = new ClientAddressFilter("10\\..*");
        assertThat(behindIngress.clientOf("10.0.0.5", List.of("203.0.113.9, 198.51.100.7"))).isEqualTo("198.51.100.7");
        assertThat(behindIngress.clientOf("10.0.0.5", List.of("203.0.113.9, 198.51.100.7, 10.0.0.4"))).isEqualTo("198.51.100.7");
        assertThat(behindIngress.clientOf("10.0.0.5", List.of("10.0.0.3", "10.0.0.4"))).isEqualTo("10.0.0.3");
        assertThat(behindIngress.clientOf("10.0.0.5", null)).isEqualTo("10.0.0.5");
        // a peer that is not a trusted proxy is the client, whatever it claims
        assertThat(behindIngress.clientOf("198.51.100.7", List.of("203.0.113.9"))).isEqualTo("198.51.100.7");
    }
}
