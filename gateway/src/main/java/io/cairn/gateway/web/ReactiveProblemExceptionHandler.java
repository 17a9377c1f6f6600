package io.cairn.gateway.web;

import io.cairn.platform.web.ApiException;
import io.cairn.platform.web.ErrorCodes;
import io.cairn.platform.web.FieldError;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.exc.MismatchedInputException;

/** The gateway's own REST endpoints answer errors as problem+json with a code, like the services. */
@RestControllerAdvice
class ReactiveProblemExceptionHandler extends ResponseEntityExceptionHandler {

    static final String BATCH_NOT_SUPPORTED = "BATCH_NOT_SUPPORTED";

    @ExceptionHandler(ApiException.class)
    Mono<ResponseEntity<Object>> api(ApiException e, ServerWebExchange exchange) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        problem.setProperty("code", e.code());
        e.properties().forEach(problem::setProperty);
        return handleExceptionInternal(e, problem, new HttpHeaders(), e.status(), exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException e,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        List<FieldError> fields = e.getFieldErrors().stream()
                .map(f -> new FieldError(f.getField(), f.getDefaultMessage()))
                .toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Invalid input");
        problem.setTitle("Validation failed");
        problem.setProperty("code", ErrorCodes.VALIDATION_FAILED);
        problem.setProperty("errors", fields);
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, exchange);
    }

    /**
     * A batch of GraphQL requests (a JSON array) is refused by name: one HTTP request carries one operation here,
     * so that a batch cannot slip past the per-request limits.
     */
    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException e,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        if (exchange.getRequest().getPath().value().equals("/graphql") && isArray(e)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "Send one GraphQL request per HTTP request: a batch (a JSON array of requests) is not accepted");
            problem.setProperty("code", BATCH_NOT_SUPPORTED);
            return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, exchange);
        }
        return super.handleServerWebInputException(e, headers, status, exchange);
    }

    private static boolean isArray(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof MismatchedInputException mismatch
                    && String.valueOf(mismatch.getOriginalMessage()).contains("START_ARRAY")) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleExceptionInternal(Exception e, @Nullable Object body,
            @Nullable HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        return super.handleExceptionInternal(e, body, headers, status, exchange).doOnNext(response -> {
            if (response.getBody() instanceof ProblemDetail problem
                    && (problem.getProperties() == null || !problem.getProperties().containsKey("code"))) {
                problem.setProperty("code", ErrorCodes.forStatus(status));
            }
        });
    }
}
