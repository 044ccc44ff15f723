package com.example.gateway.support;

import io.smallrye.config.ConfigMapping;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** The test clock's settings ({@code GATEWAY_TEST_CLOCK_*}; see {@link TestClock}). */
@ConfigMapping(prefix = "gateway.test-clock")
public interface TestClockConfig {

    /** Whether time may be moved at all (GATEWAY_TEST_CLOCK_ENABLED): dev and test yes, production no. */
    boolean enabled();

    /** The longest single advance (GATEWAY_TEST_CLOCK_MAX_ADVANCE). */
    Duration maxAdvance();

    /**
     * Where DOKU is the emulator, its base URL (GATEWAY_TEST_CLOCK_EMULATOR_URL): its clock is then moved
     * with the gateway's, and requests to it are signed with the moved time. Absent (DOKU's sandbox),
     * DOKU's time is real time.
     */
    Optional<URI> emulatorUrl();
}
