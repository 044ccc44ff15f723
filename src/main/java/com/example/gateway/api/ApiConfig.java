package com.example.gateway.api;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The internal API's settings ({@code gateway.*}, or the matching {@code GATEWAY_*} variables). */
@ConfigMapping(prefix = "gateway")
public interface ApiConfig {

    /** The internal callers, {@code name:key,name:key} ({@code GATEWAY_API_KEYS}); none means nobody gets in. */
    Optional<String> apiKeys();

    Idempotency idempotency();

    Http http();

    interface Idempotency {

        /** How long an unfinished claim blocks retries with its key; after it, a retry takes the claim over. */
        @WithDefault("PT2M")
        Duration lease();

        /** How long keys are kept: well past the 24 hours API.md promises. */
        @WithDefault("PT48H")
        Duration retention();

        /** How often keys past their retention are deleted (a scheduler interval). */
        @WithDefault("1h")
        String cleanupEvery();
    }

    /** Limits answered as problems by {@link HttpLimits}. */
    interface Http {

        /** The longest request line; longer is 414. */
        @WithDefault("4096")
        int maxRequestLine();

        /** The largest header block; larger is 431. */
        @WithDefault("16K")
        MemorySize maxHeaderSize();
    }
}
