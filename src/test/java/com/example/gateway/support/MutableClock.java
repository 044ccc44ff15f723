package com.example.gateway.support;

import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The tests' handle on the gateway's {@link TestClock} (enabled in the test profile): moves it, and
 * with it the DOKU emulator's clock, from a test's thread. Not a second clock: it reads the gateway's.
 */
@Singleton
@Typed(MutableClock.class)
public class MutableClock extends Clock {

    private final TestClock clock;

    MutableClock(TestClock clock) {
        this.clock = clock;
    }

    /** Advances in steps of at most the clock's bound, so that a test can let a retention period (90 days) pass. */
    public void advance(Duration by) {
        for (Duration left = by; !left.isZero(); ) {
            Duration step = left.compareTo(clock.maxAdvance()) > 0 ? clock.maxAdvance() : left;
            clock.advance(step).await().atMost(Duration.ofSeconds(10));
            left = left.minus(step);
        }
    }

    public void reset() {
        clock.reset().await().atMost(Duration.ofSeconds(10));
    }

    @Override
    public Instant instant() {
        return clock.instant();
    }

    @Override
    public ZoneId getZone() {
        return clock.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return clock.withZone(zone);
    }
}
