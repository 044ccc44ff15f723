package com.example.gateway.support;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waits for asynchronous work by asking again until a deadline, never by a fixed sleep. */
public final class Poll {

    private static final Duration INTERVAL = Duration.ofMillis(25);

    private Poll() {
    }

    public static <T> T until(Supplier<T> probe, Predicate<T> done, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        T value = probe.get();
        while (!done.test(value)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not met within " + timeout + "; last value: " + value);
            }
            LockSupport.parkNanos(INTERVAL.toNanos());
            value = probe.get();
        }
        return value;
    }
}
