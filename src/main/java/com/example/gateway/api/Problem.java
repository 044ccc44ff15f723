package com.example.gateway.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;

/** An RFC 9457 problem body. Never carries stack traces, card data or secrets. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String code, String detail, List<FieldError> errors,
        String paymentId, @JsonIgnore Long retryAfterSeconds) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String code, String title, String detail) {
        return new Problem(typeOf(code), title, status, code, detail, null, null, null);
    }

    /** A bare HTTP status (from the HTTP layer or JAX-RS) as a problem with a code of its own. */
    public static Problem ofStatus(int status) {
        String code = switch (status) {
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 413 -> "payload_too_large";
            case 414 -> "uri_too_long";
            case 415 -> "unsupported_media_type";
            case 431 -> "headers_too_large";
            default -> status >= 500 ? "internal_error" : "bad_request";
        };
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = switch (status) {
            case 414 -> "URI Too Long";
            case 431 -> "Request Header Fields Too Large";
            default -> known == null ? "Error" : known.getReasonPhrase();
        };
        return of(status, code, title, null);
    }

    public static Problem validation(List<FieldError> errors) {
        return new Problem(typeOf("validation_failed"), "Invalid request", 400, "validation_failed",
                errors.size() + " invalid field(s)", errors, null, null);
    }

    public Problem withPaymentId(String id) {
        return new Problem(type, title, status, code, detail, errors, id, retryAfterSeconds);
    }

    /** The {@code Retry-After} header to answer with: when to try again, in whole seconds rounded up (at least 1). */
    public Problem withRetryAfter(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return new Problem(type, title, status, code, detail, errors, paymentId, seconds);
    }

    private static String typeOf(String code) {
        return "urn:problem:doku-gateway:" + code;
    }
}
