package com.example.gateway.doku;

import java.time.Duration;

/**
 * A 429 or 503 whose Retry-After is longer than we may wait (the configured cap or what is left of
 * the retry budget). Transient like the others for the circuit breaker and the caller, but the
 * {@code @Retry} of {@link DokuTransport} aborts on it: no further attempt goes out.
 */
final class DokuRetryAfterTooLongException extends DokuTransientException {

    DokuRetryAfterTooLongException(DokuOperation operation, int status, Duration retryAfter) {
        super(operation, "http_" + status, "HTTP " + status + " with Retry-After " + retryAfter.toSeconds()
                + "s, longer than we wait");
    }
}
