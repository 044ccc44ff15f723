package com.example.gateway.doku;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** DOKU settings, from DOKU_* environment variables (see application.properties). */
@ConfigMapping(prefix = "doku")
public interface DokuConfig {

    /** Base URL of DOKU's API, for example {@code https://api.doku.com}. */
    String baseUrl();

    /** Optional so that the production start-up check can name every missing variable at once. */
    Optional<String> clientId();

    Optional<String> secretKey();

    /** The path DOKU signs notifications with; differs from ours when an ingress rewrites paths. */
    @WithDefault("/v1/doku/notifications")
    String notificationTarget();

    /** How far a notification's Request-Timestamp may be from our clock. */
    @WithDefault("PT15M")
    Duration notificationMaxClockSkew();

    /**
     * The longest {@code Retry-After} (on a 429 or 503) we wait for before the next attempt; DOKU asking
     * for longer ends the call at once, as unavailable.
     */
    @WithDefault("PT5S")
    Duration retryAfterMax();

    /** The circuit breakers, one per DOKU operation (see {@link DokuBreakers} for the policy and why). */
    Breaker breaker();

    interface Breaker {

        /** How far back the breaker looks: operations that ended within this window (whole seconds). */
        @WithDefault("PT10S")
        Duration window();

        /** How many operations the window must hold before their failure rate can open the breaker. */
        @WithDefault("10")
        int minimumOperations();

        /** The share of those operations, in percent, that must have failed for the breaker to open. */
        @WithDefault("50")
        int failureRatePercent();

        /** How long an open breaker refuses before letting probes through. */
        @WithDefault("PT3S")
        Duration openFor();

        /** How many operations go to DOKU as probes once the wait is over; all must succeed to close. */
        @WithDefault("1")
        int probes();
    }

    /** Whether DOKU's answer signatures are checked; an answer whose signature does not verify is not trusted. */
    @WithDefault("true")
    boolean verifyResponseSignatures();
}
