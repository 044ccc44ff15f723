package com.example.gateway.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.mutiny.Uni;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The test clock's rules, without Quarkus: when it may move, how far, and with its followers. */
class TestClockTest {

    private final List<Duration> followed = new ArrayList<>();

    @Test
    void advancesForwardWithItsFollowersAndResets() {
        TestClock clock = new TestClock(config(true), List.of(recording()));
        assertEquals(Duration.ofHours(169), clock.advance(Duration.parse("P7DT1H")).await().indefinitely());
        assertEquals(Duration.ofHours(169), clock.offset());
        Duration ahead = Duration.between(Instant.now(), clock.instant());
        assertTrue(ahead.minus(Duration.ofHours(169)).abs().compareTo(Duration.ofSeconds(5)) < 0, ahead.toString());
        assertEquals(Duration.ZERO, clock.reset().await().indefinitely());
        assertEquals(List.of(Duration.ofHours(169), Duration.ZERO), followed, "the follower was told each offset");
    }

    @Test
    void refusesToMoveWhenNotEnabled() {
        TestClock clock = new TestClock(config(false), List.of(recording()));
        assertThrows(IllegalStateException.class, () -> clock.advance(Duration.ofHours(1)));
        assertThrows(IllegalStateException.class, clock::reset);
        assertEquals(Duration.ZERO, clock.offset());
        assertEquals(List.of(), followed);
    }

    @Test
    void refusesBackwardsEmptyAndOverlongAdvances() {
        TestClock clock = new TestClock(config(true), List.of(recording()));
        for (Duration bad : List.of(Duration.ofHours(-1), Duration.ZERO, Duration.ofDays(31).plusSeconds(1))) {
            assertThrows(IllegalArgumentException.class, () -> clock.advance(bad), bad.toString());
        }
        assertEquals(Duration.ofDays(31), clock.advance(Duration.ofDays(31)).await().indefinitely());
    }

    @Test
    void aFollowerThatCannotMoveLeavesTheGatewaysTimeWhereItWas() {
        TestClock.Follower broken = offset -> Uni.createFrom().failure(new TestClockNotFollowed("The DOKU emulator"));
        TestClock clock = new TestClock(config(true), List.of(broken));
        assertThrows(TestClockNotFollowed.class, () -> clock.advance(Duration.ofHours(2)).await().indefinitely());
        assertEquals(Duration.ZERO, clock.offset());
        // The failed move released the clock: the next one is not refused as busy.
        assertThrows(TestClockNotFollowed.class, () -> clock.advance(Duration.ofHours(2)).await().indefinitely());
    }

    @Test
    void aSecondMoveWhileOneIsUnderWayIsRefusedAsBusy() {
        TestClock.Follower never = offset -> Uni.createFrom().nothing();
        TestClock clock = new TestClock(config(true), List.of(never));
        clock.advance(Duration.ofHours(1)).subscribe().with(ignored -> { });
        assertThrows(TestClockBusy.class, () -> clock.advance(Duration.ofHours(1)).await().indefinitely());
        assertEquals(Duration.ZERO, clock.offset());
    }

    private TestClock.Follower recording() {
        return offset -> {
            followed.add(offset);
            return Uni.createFrom().voidItem();
        };
    }

    static TestClockConfig config(boolean enabled) {
        return new TestClockConfig() {
            @Override
            public boolean enabled() {
                return enabled;
            }

            @Override
            public Duration maxAdvance() {
                return Duration.ofDays(31);
            }

            @Override
            public Optional<URI> emulatorUrl() {
                return Optional.empty();
            }
        };
    }
}
