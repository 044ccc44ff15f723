package com.example.gateway.support;

import com.example.gateway.emulator.EmulatorClient;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The tests' clock: real time plus an offset that a test can move forward (the 7-day window). The
 * DOKU emulator's clock is moved with it, as real time would move for both: DOKU refuses requests
 * whose timestamp is far from its own time.
 */
@Alternative
@Priority(1)
@Singleton
public class MutableClock extends Clock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
    private final EmulatorClient emulator;

    MutableClock(EmulatorClient emulator) {
        this.emulator = emulator;
    }

    public void advance(Duration by) {
        emulator.clockOffset(offset.updateAndGet(current -> current.plus(by)));
    }

    public void reset() {
        offset.set(Duration.ZERO);
        emulator.clockOffset(Duration.ZERO);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the gateway works in UTC");
    }
}
