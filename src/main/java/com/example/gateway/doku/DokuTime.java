package com.example.gateway.doku;

import com.example.gateway.support.TestClock;
import com.example.gateway.support.TestClockConfig;
import com.example.gateway.support.TestClockNotFollowed;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The time on DOKU's side of the wire: what requests are signed with ({@code Request-Timestamp}, which
 * DOKU refuses when far from its own time) and what the age of DOKU's notifications and the dates in
 * its {@code Retry-After} are measured against.
 *
 * <p>Where DOKU is the emulator ({@code gateway.test-clock.emulator-url}), the emulator's clock follows
 * the {@link TestClock} (this class moves it through the emulator's control API), so DOKU's time is real
 * time plus the offset the emulator was given: the gateway's time, moved or not. Against DOKU itself
 * (its sandbox, in staging) DOKU's time cannot move: it is real time, whatever the test clock says, so
 * that signatures stay valid after an advance.
 */
@Singleton
@Typed({DokuTime.class, TestClock.Follower.class})
public class DokuTime extends Clock implements TestClock.Follower {

    private final Optional<URI> emulator;
    private final WebClient http;
    /** The offset the emulator's clock was last given (zero against DOKU itself). */
    private volatile Duration offset = Duration.ZERO;

    DokuTime(TestClockConfig config, Vertx vertx) {
        this.emulator = config.emulatorUrl();
        this.http = emulator.isPresent() ? WebClient.create(vertx) : null;
    }

    @PreDestroy
    void close() {
        if (http != null) {
            http.close();
        }
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    /** Moves the emulator's clock to the same offset (its {@code PUT /control/clock}); DOKU's cannot move. */
    @Override
    public Uni<Void> follow(Duration offset) {
        if (emulator.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String url = emulator.get().toString().replaceAll("/+$", "") + "/control/clock";
        return http.putAbs(url).timeout(5_000)
                .sendJsonObject(new JsonObject().put("offset", offset.toString()))
                .onFailure().transform(failure -> new TestClockNotFollowed("The DOKU emulator"))
                .invoke(response -> {
                    if (response.statusCode() != 200) {
                        throw new TestClockNotFollowed("The DOKU emulator");
                    }
                    this.offset = offset;
                })
                .replaceWithVoid();
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
