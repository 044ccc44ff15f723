package com.example.gateway.payment.provider;

import java.time.Duration;
import java.util.Optional;

/** The provider could not be reached, or refused at once: nothing happened there for certain. */
public final class ProviderUnavailable extends ProviderFailure {

    private final Duration retryAfter;

    /** @param retryAfter when it is worth asking again, or null if not known */
    public ProviderUnavailable(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
