package com.example.gateway.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** An RFC 9457 problem body. Never carries stack traces, card data or secrets. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String code, String detail, List<FieldError> errors,
        String paymentId) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String code, String title, String detail) {
        return new Problem(typeOf(code), title, status, code, detail, null, null);
    }

    public static Problem validation(List<FieldError> errors) {
        return new Problem(typeOf("validation_failed"), "Invalid request", 400, "validation_failed",
                errors.size() + " invalid field(s)", errors, null);
    }

    public Problem withPaymentId(String id) {
        return new Problem(type, title, status, code, detail, errors, id);
    }

    private static String typeOf(String code) {
        return "urn:problem:doku-gateway:" + code;
    }
}
