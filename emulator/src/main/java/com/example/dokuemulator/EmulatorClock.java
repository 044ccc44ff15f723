package com.example.dokuemulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The emulator's time: real time plus an offset that its control API can set, so that a merchant's
 * tests can let days pass (an authorization's 7 days) on both sides at once. {@code reset} puts it back.
 */
final class EmulatorClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    Duration offset() {
        return offset;
    }

    void offset(Duration offset) {
        this.offset = offset;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the emulator works in UTC");
    }
}
