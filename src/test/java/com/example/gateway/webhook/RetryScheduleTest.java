package com.example.gateway.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    /** Standard Webhooks' schedule. */
    private static final List<Duration> SPEC = List.of(Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(14),
            Duration.ofHours(20), Duration.ofHours(24));

    private final RetrySchedule schedule = new RetrySchedule(SPEC);

    @Test
    void eachWaitIsTheSchedulesWithinTenPercentThenNoMore() {
        assertEquals(Duration.ZERO, schedule.first(), "the first attempt at once");
        for (int made = 1; made < SPEC.size(); made++) {
            Duration wait = schedule.next(made, Optional.empty()).orElseThrow();
            long expected = SPEC.get(made).toMillis();
            assertTrue(Math.abs(wait.toMillis() - expected) <= expected / 10, made + " attempts: " + wait);
        }
        assertEquals(Optional.empty(), schedule.next(SPEC.size(), Optional.empty()), "ten attempts, then failed");
    }

    @Test
    void aLongerRetryAfterIsHonouredUpToADay() {
        assertEquals(Duration.ofMinutes(2), schedule.next(1, Optional.of(Duration.ofMinutes(2))).orElseThrow());
        assertTrue(schedule.next(2, Optional.of(Duration.ofSeconds(1))).orElseThrow().compareTo(Duration.ofMinutes(4)) > 0,
                "a shorter one does not hurry the schedule");
        assertEquals(Duration.ofHours(24), schedule.next(1, Optional.of(Duration.ofDays(9))).orElseThrow());
    }
}
