package io.cairn.gateway.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import io.cairn.platform.web.ErrorCodes;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * Turns failures into GraphQL errors with {@code extensions.code} (the same codes as the REST problems),
 * the offending fields for validation errors, and no internals.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class GraphQlErrorResolver extends DataFetcherExceptionResolverAdapter {

    private static final Logger log = LoggerFactory.getLogger(GraphQlErrorResolver.class);

    @Override
    protected GraphQLError resolveToSingleError(Throwable e, DataFetchingEnvironment env) {
        return toError(e, GraphqlErrorBuilder.newError(env), env.getExecutionStepInfo().getPath().toString());
    }

    /** Errors of a running subscription: the same codes, reported through graphql-ws. */
    @Component
    static class SubscriptionErrors extends SubscriptionExceptionResolverAdapter {

        @Override
        protected GraphQLError resolveToSingleError(Throwable e) {
            return toError(e, GraphqlErrorBuilder.newError(), "subscription");
        }
    }

    static GraphQLError toError(Throwable e, GraphqlErrorBuilder<?> builder, String where) {
        if (e instanceof DownstreamException downstream) {
            Map<String, Object> extensions = new LinkedHashMap<>();
            extensions.put("code", downstream.code());
            extensions.put("service", downstream.service());
            if (!downstream.fields().isEmpty()) {
                extensions.put("fields", downstream.fields().stream()
                        .map(f -> Map.of("field", f.field(), "message", f.message())).toList());
            }
            extensions.putAll(downstream.extensions());
            return error(builder, errorType(downstream.code()), downstream.getMessage(), extensions);
        }
        if (e instanceof AccessDeniedException) {
            return error(builder, ErrorType.FORBIDDEN, "Your role does not allow this operation",
                    Map.of("code", ErrorCodes.FORBIDDEN));
        }
        if (e instanceof CredentialsExpiredException) {
            // a subscription outliving its token: our own wording, which says what to do
            return error(builder, ErrorType.UNAUTHORIZED, e.getMessage(), Map.of("code", ErrorCodes.UNAUTHORIZED));
        }
        if (e instanceof AuthenticationException) {
            return error(builder, ErrorType.UNAUTHORIZED, "Authentication required", Map.of("code", ErrorCodes.UNAUTHORIZED));
        }
        if (e instanceof IllegalArgumentException) {
            return error(builder, ErrorType.BAD_REQUEST, e.getMessage(), Map.of("code", ErrorCodes.BAD_REQUEST));
        }
        log.error("Unexpected error resolving {}", where, e);
        return error(builder, ErrorType.INTERNAL_ERROR, "An unexpected error occurred", Map.of("code", ErrorCodes.INTERNAL_ERROR));
    }

    private static GraphQLError error(GraphqlErrorBuilder<?> builder, ErrorType type, String message,
            Map<String, Object> extensions) {
        return builder.errorType(type).message(message).extensions(extensions).build();
    }

    private static ErrorType errorType(String code) {
        return switch (code) {
            case ErrorCodes.BAD_REQUEST, ErrorCodes.VALIDATION_FAILED, ErrorCodes.CONFLICT -> ErrorType.BAD_REQUEST;
            case ErrorCodes.UNAUTHORIZED -> ErrorType.UNAUTHORIZED;
            case ErrorCodes.FORBIDDEN -> ErrorType.FORBIDDEN;
            case ErrorCodes.NOT_FOUND -> ErrorType.NOT_FOUND;
            default -> ErrorType.INTERNAL_ERROR;
        };
    }
}
