package io.cairn.platform.web;

import jakarta.validation.ConstraintViolationException;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.method.ParameterValidationResult;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every REST error as RFC 9457 problem+json with a {@code code}; validation problems list the
 * offending fields. Unexpected failures are logged and answered without internals.
 */
@RestControllerAdvice
public class ProblemExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    /**
     * The texts of these answers, then the service's own ({@code problems*.properties} at the root of its
     * classpath, for its {@link Refusal}s); Bean Validation's messages come in the same language.
     */
    private static final ResourceBundleMessageSource TEXTS = Languages.texts("io/cairn/platform/web/problems", "problems");

    /** {@code key} in the language of the request being answered (see {@link Languages}). */
    static String text(String key, Object... args) {
        return TEXTS.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Object> api(ApiException e, WebRequest request) {
        Refusal refusal = e.refusal();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), refusal == null ? e.getMessage()
                : TEXTS.getMessage(refusal.key(), refusal.args(), refusal.english(), LocaleContextHolder.getLocale()));
        problem.setProperty("code", e.code());
        e.properties().forEach(problem::setProperty);
        return handleExceptionInternal(e, problem, new HttpHeaders(), e.status(), request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException e, WebRequest request) {
        List<FieldError> fields = e.getConstraintViolations().stream()
                .map(v -> new FieldError(leaf(v.getPropertyPath().toString()), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return validationProblem(e, fields, request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> accessDenied(AccessDeniedException e, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, text("problem.forbidden"));
        return handleExceptionInternal(e, problem, new HttpHeaders(), HttpStatus.FORBIDDEN, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, WebRequest request) {
        log.error("Unexpected error on {}", request.getDescription(false), e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, text("problem.unexpected"));
        return handleExceptionInternal(e, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> fields = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldError(f.getField(), f.getDefaultMessage()))
                .toList();
        List<FieldError> global = e.getBindingResult().getGlobalErrors().stream()
                .map(g -> new FieldError(g.getObjectName(), g.getDefaultMessage()))
                .toList();
        return validationProblem(e, concat(fields, global), request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> fields = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldError(fieldName(result, error), error.getDefaultMessage())))
                .toList();
        return validationProblem(e, fields, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (e.getMostSpecificCause() instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            return validationProblem(e, List.of(new FieldError(path(jackson), invalidValue(jackson))), request);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, text("problem.unreadableBody"));
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, @Nullable Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(e, body, headers, status, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem
                && (problem.getProperties() == null || !problem.getProperties().containsKey("code"))) {
            problem.setProperty("code", ErrorCodes.forStatus(status));
        }
        return response;
    }

    private ResponseEntity<Object> validationProblem(Exception e, List<FieldError> fields, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, text("problem.invalidInput",
                String.join(", ", fields.stream().map(f -> f.field() + " " + f.message()).toList())));
        problem.setTitle(text("problem.validationFailed"));
        problem.setProperty("code", ErrorCodes.VALIDATION_FAILED);
        problem.setProperty("errors", fields);
        return handleExceptionInternal(e, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    /** {@code touchpoint.channel}, {@code tags[2]}: where in the body the bad value is. */
    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String invalidValue(JacksonException e) {
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            Class<?> type = mismatch.getTargetType();
            if (type.isEnum()) {
                return text("problem.mustBeOneOf", java.util.Arrays.toString(type.getEnumConstants()));
            }
            if (type == Boolean.class || type == boolean.class) {
                return text("problem.mustBeBoolean");
            }
            return Number.class.isAssignableFrom(type) || type.isPrimitive() ? text("problem.mustBeNumber")
                    : text("problem.mustBeType", type.getSimpleName());
        }
        return text("problem.invalidValue");
    }

    private static String fieldName(ParameterValidationResult result, MessageSourceResolvable error) {
        if (error instanceof org.springframework.validation.FieldError fieldError) {
            return fieldError.getField();
        }
        String name = result.getMethodParameter().getParameterName();
        return name != null ? name : "arg" + result.getMethodParameter().getParameterIndex();
    }

    private static String leaf(String path) {
        int dot = path.indexOf('.');
        // "create.request.name" -> "request.name": drop the method name, keep the bean path
        return dot >= 0 ? path.substring(dot + 1) : path;
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
