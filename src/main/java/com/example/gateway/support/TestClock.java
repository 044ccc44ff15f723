package com.example.gateway.support;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.quarkus.arc.All;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The gateway's one source of business time (deadlines, schedules, events): real time plus an offset.
 * The offset is zero and stays zero unless {@code gateway.test-clock.enabled} is on (dev, test and, if
 * its operators choose, staging; {@link ProductionSettings} refuses it next to DOKU's production host),
 * in which case it can be moved forward (so that a caller sees an authorization's 7 days pass) and
 * reset. Each {@link Follower} (the DOKU emulator's clock) is moved first: if one cannot follow, the
 * gateway's time does not move either.
 *
 * <p>The offset lives in this replica's memory: with more than one replica, each keeps its own.
 */
@Singleton
public class TestClock extends Clock {

    /** A clock elsewhere that must show the same time as the gateway's (the DOKU emulator's). */
    public interface Follower {
        /** Sets the follower's offset from real time; fails if it could not. */
        Uni<Void> follow(Duration offset);
    }

    private final boolean enabled;
    private final Duration maxAdvance;
    private final List<Follower> followers;
    private final AtomicBoolean moving = new AtomicBoolean();
    private volatile Duration offset = Duration.ZERO;

    TestClock(TestClockConfig config, @All List<Follower> followers) {
        this.enabled = config.enabled();
        this.maxAdvance = config.maxAdvance();
        this.followers = followers;
    }

    public boolean enabled() {
        return enabled;
    }

    public Duration maxAdvance() {
        return maxAdvance;
    }

    /** How far the gateway's time runs ahead of real time. */
    public Duration offset() {
        return offset;
    }

    /**
     * Moves time forward by {@code by} (positive, at most {@link #maxAdvance}) for the gateway and its
     * followers; answers the new offset. Fails with {@link TestClockBusy} while another move is under way
     * (two moves at once could leave a follower behind), and with {@link TestClockNotFollowed} (the
     * gateway's time unmoved) when a follower could not move.
     */
    public Uni<Duration> advance(Duration by) {
        requireEnabled();
        if (by.isNegative() || by.isZero() || by.compareTo(maxAdvance) > 0) {
            throw new IllegalArgumentException("an advance must be positive and at most " + maxAdvance);
        }
        return moveTo(() -> offset.plus(by));
    }

    /** Puts the gateway and its followers back on real time. */
    public Uni<Duration> reset() {
        requireEnabled();
        return moveTo(() -> Duration.ZERO);
    }

    private Uni<Duration> moveTo(Supplier<Duration> target) {
        if (!moving.compareAndSet(false, true)) {
            return Uni.createFrom().failure(new TestClockBusy());
        }
        Duration next = target.get();
        return Multi.createFrom().iterable(followers).onItem().transformToUniAndConcatenate(f -> f.follow(next))
                .collect().last()
                .invoke(() -> offset = next)
                .map(ignored -> next)
                .onTermination().invoke(() -> moving.set(false));
    }

    private void requireEnabled() {
        if (!enabled) {
            throw new IllegalStateException("the test clock is not enabled (gateway.test-clock.enabled)");
        }
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
        throw new UnsupportedOperationException("the gateway works in UTC");
    }
}
