package com.example.gateway.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a delivery's next attempt is due after a failed one: the configured schedule (Standard
 * Webhooks': immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 24 h) with ±10 % jitter, so
 * that deliveries that failed together do not come back together; at least the receiver's
 * {@code Retry-After} (429, 503), up to a day. Empty when the schedule is used up.
 */
final class RetrySchedule {

    private static final double JITTER = 0.1;
    /** A receiver cannot push a delivery further out than the schedule's longest wait does. */
    private static final Duration LONGEST_RETRY_AFTER = Duration.ofHours(24);

    private final List<Duration> waits;

    RetrySchedule(List<Duration> waits) {
        if (waits.isEmpty()) {
            throw new IllegalArgumentException("the retry schedule needs at least one attempt");
        }
        this.waits = List.copyOf(waits);
    }

    /** The wait before the first attempt. */
    Duration first() {
        return jittered(waits.get(0));
    }

    /** @param attemptsMade attempts so far, the failed one included */
    Optional<Duration> next(int attemptsMade, Optional<Duration> retryAfter) {
        if (attemptsMade >= waits.size()) {
            return Optional.empty();
        }
        Duration wait = jittered(waits.get(attemptsMade));
        Duration asked = retryAfter.map(d -> d.compareTo(LONGEST_RETRY_AFTER) > 0 ? LONGEST_RETRY_AFTER : d).orElse(Duration.ZERO);
        return Optional.of(asked.compareTo(wait) > 0 ? asked : wait);
    }

    private static Duration jittered(Duration wait) {
        double factor = 1 + ThreadLocalRandom.current().nextDouble(-JITTER, JITTER);
        return Duration.ofNanos((long) (wait.toNanos() * factor));
    }
}
