package com.example.gateway.doku;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.gateway.support.TestClockConfig;
import com.example.gateway.support.TestClockNotFollowed;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpServer;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which time requests to DOKU are signed with: the emulator's moved time, or DOKU's real one. */
class DokuTimeTest {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.closeAndAwait();
    }

    @Test
    void againstDokuItselfTheTimeStaysRealWhateverTheTestClockDoes() {
        DokuTime doku = new DokuTime(config(Optional.empty()), vertx);
        doku.follow(Duration.ofDays(7)).await().indefinitely();
        assertTrue(Duration.between(Instant.now(), doku.instant()).abs().compareTo(Duration.ofSeconds(5)) < 0,
                "DOKU's sandbox cannot move: requests are signed with real time");
    }

    @Test
    void theEmulatorsClockIsMovedAndRequestsToItAreSignedWithTheMovedTime() {
        List<String> bodies = new CopyOnWriteArrayList<>();
        AtomicInteger status = new AtomicInteger(200);
        HttpServer emulator = vertx.createHttpServer().requestHandler(request -> request.body().subscribe().with(body -> {
            bodies.add(request.method() + " " + request.path() + " " + body);
            request.response().setStatusCode(status.get()).endAndForget("{}");
        })).listenAndAwait(0);
        DokuTime doku = new DokuTime(config(Optional.of(URI.create("http://localhost:" + emulator.actualPort() + "/"))), vertx);

        doku.follow(Duration.ofDays(7)).await().indefinitely();
        assertEquals(List.of("PUT /control/clock {\"offset\":\"PT168H\"}"), bodies);
        Duration ahead = Duration.between(Instant.now(), doku.instant());
        assertTrue(ahead.minus(Duration.ofDays(7)).abs().compareTo(Duration.ofSeconds(5)) < 0, ahead.toString());

        status.set(500);
        assertThrows(TestClockNotFollowed.class, () -> doku.follow(Duration.ofDays(8)).await().indefinitely());
        ahead = Duration.between(Instant.now(), doku.instant());
        assertTrue(ahead.minus(Duration.ofDays(7)).abs().compareTo(Duration.ofSeconds(5)) < 0, "unchanged when the emulator refused");
    }

    private static TestClockConfig config(Optional<URI> emulator) {
        return new TestClockConfig() {
            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public Duration maxAdvance() {
                return Duration.ofDays(31);
            }

            @Override
            public Optional<URI> emulatorUrl() {
                return emulator;
            }
        };
    }
}
