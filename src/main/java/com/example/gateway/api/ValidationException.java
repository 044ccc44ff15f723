package com.example.gateway.api;

import java.util.List;

/** A request with invalid fields: answered 400 {@code validation_failed} listing every one of them. */
public class ValidationException extends RuntimeException {

    private final List<FieldError> errors;

    public ValidationException(List<FieldError> errors) {
        super("invalid request: " + errors.size() + " field error(s)", null, false, false);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
