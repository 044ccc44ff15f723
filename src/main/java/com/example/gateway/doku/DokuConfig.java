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

    /** Whether DOKU's answer signatures are checked; an answer whose signature does not verify is not trusted. */
    @WithDefault("true")
    boolean verifyResponseSignatures();
}
