package io.cairn.platform.security;

import java.util.LinkedHashMap;
import java.util.Map;
import io.cairn.platform.web.ErrorCodes;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/** A minimal problem+json document, for places that answer before Spring MVC/WebFlux is involved. */
public final class ProblemJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemJson() {
    }

    /** The body of a 401: says whether the token was missing or not accepted. */
    public static String unauthorized(boolean tokenPresent, String instance) {
        return of(HttpStatus.UNAUTHORIZED, ErrorCodes.UNAUTHORIZED,
                tokenPresent ? "The access token is invalid or expired" : "A bearer token is required", instance);
    }

    /** The {@code WWW-Authenticate} value of a 401 (RFC 6750). */
    public static String bearerChallenge(boolean tokenPresent) {
        return tokenPresent
                ? "Bearer error=\"invalid_token\", error_description=\"The access token is invalid or expired\""
                : "Bearer";
    }

    public static String forbidden(String instance) {
        return of(HttpStatus.FORBIDDEN, ErrorCodes.FORBIDDEN, "Your role does not allow this operation", instance);
    }

    public static String of(HttpStatus status, String code, String detail, String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("instance", instance);
        body.put("code", code);
        return JSON.writeValueAsString(body);
    }
}
