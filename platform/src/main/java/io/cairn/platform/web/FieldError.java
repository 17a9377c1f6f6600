package io.cairn.platform.web;

/** One invalid input field in a validation problem: {@code {"field": "name", "message": "must not be blank"}}. */
public record FieldError(String field, String message) {
}
