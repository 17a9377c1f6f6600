package io.cairn.gateway.graphql;

import io.cairn.platform.web.FieldError;
import java.util.List;
import java.util.Map;

/**
 * A downstream service refused or failed a call. Carries the service's problem code, message and
 * field errors so the GraphQL error says the same as the service did.
 */
public class DownstreamException extends RuntimeException {

    private final String service;
    private final int status;
    private final String code;
    private final List<FieldError> fields;
    private final Map<String, Object> extensions;

    public DownstreamException(String service, int status, String code, String message, List<FieldError> fields,
            Map<String, Object> extensions) {
        super(message);
        this.service = service;
        this.status = status;
        this.code = code;
        this.fields = List.copyOf(fields);
        this.extensions = Map.copyOf(extensions);
    }

    public String service() {
        return service;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<FieldError> fields() {
        return fields;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}
