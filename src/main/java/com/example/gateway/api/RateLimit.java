package com.example.gateway.api;

import io.quarkus.runtime.configuration.DurationConverter;
import java.time.Duration;

/**
 * A client's rate limit as configured: {@code N/period} ({@code 100/1s}, {@code 600/1m}, {@code 5/PT10S}),
 * a token bucket of N requests refilled at N per period. So N is also the largest burst: {@code 600/1m}
 * allows 600 at once, then 10 a second.
 */
record RateLimit(long requests, Duration period) {

    static RateLimit parse(String setting, String value) {
        int slash = value.indexOf('/');
        try {
            long requests = Long.parseLong(value.substring(0, Math.max(slash, 0)).trim());
            Duration period = DurationConverter.parseDuration(value.substring(slash + 1).trim());
            if (slash > 0 && requests > 0 && period != null && !period.isNegative() && !period.isZero()) {
                return new RateLimit(requests, period);
            }
        } catch (RuntimeException malformed) {
            // answered below, with the setting's name
        }
        throw new IllegalArgumentException(setting + ": '" + value
                + "' is not a rate limit; write requests/period, such as 100/1s or 600/1m");
    }
}
