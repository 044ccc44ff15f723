package com.example.gateway.api;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.util.List;
import java.util.Optional;

/** Per-client rate limits on the internal API ({@code gateway.rate-limits.*}); see {@link RateLimit} for the format. */
@ConfigMapping(prefix = "gateway.rate-limits")
public interface RateLimitConfig {

    /** Every client's limit unless it has its own ({@code GATEWAY_RATE_LIMIT_DEFAULT}). */
    @WithName("default")
    @WithDefault("100/1s")
    String defaultLimit();

    /** Clients with a limit of their own, {@code name:N/period,name:N/period} ({@code GATEWAY_RATE_LIMITS}). */
    Optional<List<String>> clients();
}
