package com.example.gateway.doku;

import java.time.Duration;
import java.util.Optional;

/**
 * Every attempt failed before DOKU could have acted (connection refused, 429, 503, circuit open, or
 * DOKU asking us to come back later than we wait): nothing happened at DOKU for certain.
 */
public final class DokuUnavailableException extends DokuException {

    private final Duration retryAfter;

    public DokuUnavailableException(DokuOperation operation, String reason) {
        this(operation, reason, null);
    }

    /** @param retryAfter when it is worth asking again (the breaker's next probe), or null if not known */
    public DokuUnavailableException(DokuOperation operation, String reason, Duration retryAfter) {
        super(operation, "DOKU unavailable for " + operation + ": " + reason);
        this.retryAfter = retryAfter;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
