package io.cairn.employeenps.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the employee NPS service.
 *
 * @param company          company name put into the default eNPS question
 * @param surveyUrl        address of the survey page; a link is this plus {@code #<token>} (the token stays
 *                         in the fragment, which browsers never send to a server, so no access log holds it)
 * @param departmentClaim  token claim naming a leader's department
 * @param publicRateLimit  requests per client address and period on the public survey endpoints
 * @param publicRatePeriod the period of {@code publicRateLimit}
 * @param clientAddressFromGateway take the client address from the gateway's {@code X-Cairn-Client-Address}
 *                         (which it sets itself, past its trusted proxies); set false when the service is reachable
 *                         without the gateway
 */
@ConfigurationProperties("cairn.enps")
public record EnpsProperties(String company, String surveyUrl, String departmentClaim, Integer publicRateLimit,
        Duration publicRatePeriod, Boolean clientAddressFromGateway) {

    public EnpsProperties {
        company = company == null || company.isBlank() ? "our company" : company.trim();
        surveyUrl = surveyUrl == null || surveyUrl.isBlank() ? "http://localhost:8080/survey" : surveyUrl.trim();
        departmentClaim = departmentClaim == null || departmentClaim.isBlank() ? "department" : departmentClaim;
        publicRateLimit = publicRateLimit == null ? 300 : publicRateLimit;
        publicRatePeriod = publicRatePeriod == null ? Duration.ofMinutes(1) : publicRatePeriod;
        clientAddressFromGateway = clientAddressFromGateway == null || clientAddressFromGateway;
    }
}
