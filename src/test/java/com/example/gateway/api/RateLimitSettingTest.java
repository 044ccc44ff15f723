package com.example.gateway.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code N/period} format of GATEWAY_RATE_LIMIT_DEFAULT and GATEWAY_RATE_LIMITS. */
class RateLimitSettingTest {

    @Test
    void readsRequestsPerPeriodInQuarkusOrIsoDurations() {
        assertEquals(new RateLimit(100, Duration.ofSeconds(1)), RateLimit.parse("s", "100/1s"));
        assertEquals(new RateLimit(600, Duration.ofMinutes(1)), RateLimit.parse("s", " 600 / 1m "));
        assertEquals(new RateLimit(5, Duration.ofSeconds(10)), RateLimit.parse("s", "5/PT10S"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "100", "100/", "/1s", "0/1s", "-1/1s", "x/1s", "100/0s", "100/-1s", "100/soon", "1/1s/1s"})
    void refusesAnythingElseNamingTheSetting(String value) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> RateLimit.parse("gateway.rate-limits.default", value));
        assertTrue(refused.getMessage().startsWith("gateway.rate-limits.default: '" + value + "'"), refused.getMessage());
    }
}
