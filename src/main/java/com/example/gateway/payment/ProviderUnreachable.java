package com.example.gateway.payment;

import com.example.gateway.support.DomainException;
import java.time.Duration;
import java.util.Optional;

/** The provider could not be reached, or its circuit is open: nothing was done for certain. */
public final class ProviderUnreachable extends DomainException {

    private final Duration retryAfter;

    /** @param retryAfter when the client may try again (the breaker's next probe), or null if not known */
    public ProviderUnreachable(Duration retryAfter) {
        super("DOKU unavailable", "DOKU could not be reached; nothing was done");
        this.retryAfter = retryAfter;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
