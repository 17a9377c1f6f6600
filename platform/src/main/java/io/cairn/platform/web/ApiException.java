package io.cairn.platform.web;

import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A failure the client can act on. Rendered as RFC 9457 problem+json with a stable {@code code}
 * (also used by the gateway as the GraphQL {@code extensions.code}) and optional extra properties.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final Map<String, Object> properties;
    private final Refusal refusal;

    public ApiException(HttpStatus status, String code, String message, Map<String, Object> properties) {
        this(status, code, null, message, properties);
    }

    /** A refusal the client is told of in its language (see {@link Refusal}). */
    public ApiException(HttpStatus status, String code, Refusal refusal, Map<String, Object> properties) {
        this(status, code, refusal, refusal.inEnglish(), properties);
    }

    public ApiException(HttpStatus status, String code, Refusal refusal) {
        this(status, code, refusal, Map.of());
    }

    private ApiException(HttpStatus status, String code, Refusal refusal, String message, Map<String, Object> properties) {
        super(message);
        this.status = status;
        this.code = code;
        this.properties = Map.copyOf(properties);
        this.refusal = refusal;
    }

    public ApiException(HttpStatus status, String code, String message) {
        this(status, code, message, Map.of());
    }

    /** {@code what} names the kind of object in English ("Alert rule"); the platform's texts name it in other languages. */
    public static ApiException notFound(String what, Object id) {
        return new ApiException(HttpStatus.NOT_FOUND, ErrorCodes.NOT_FOUND, Refusal.of(
                "problem.notFound." + what.replace(' ', '_'), what + " {0} does not exist", String.valueOf(id)));
    }

    /** A write based on a stale version: names the current one so the client can reload or re-apply. */
    public static ApiException conflict(String message, long currentVersion) {
        return new ApiException(HttpStatus.CONFLICT, ErrorCodes.CONFLICT, message, Map.of("currentVersion", currentVersion));
    }

    /** 409 {@code INVALID_STATE}: the operation does not apply to the object as it is now. */
    public static ApiException invalidState(String message) {
        return new ApiException(HttpStatus.CONFLICT, ErrorCodes.INVALID_STATE, message);
    }

    public static ApiException conflict(Refusal refusal, long currentVersion) {
        return new ApiException(HttpStatus.CONFLICT, ErrorCodes.CONFLICT, refusal, Map.of("currentVersion", currentVersion));
    }

    public static ApiException invalidState(Refusal refusal) {
        return new ApiException(HttpStatus.CONFLICT, ErrorCodes.INVALID_STATE, refusal);
    }

    public static ApiException badRequest(String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, ErrorCodes.BAD_REQUEST, message);
    }

    public static ApiException badRequest(Refusal refusal) {
        return new ApiException(HttpStatus.BAD_REQUEST, ErrorCodes.BAD_REQUEST, refusal);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> properties() {
        return properties;
    }

    /** What the client is told in its language, or null for a refusal worded in English only. */
    public Refusal refusal() {
        return refusal;
    }
}
