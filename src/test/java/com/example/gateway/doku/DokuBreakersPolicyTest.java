package com.example.gateway.doku;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The breakers' policy on its own: what counts, when they open, what an open one answers, how it closes. */
class DokuBreakersPolicyTest {

    private static final Duration OPEN_FOR = Duration.ofMillis(300);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final DokuBreakers breakers = new DokuBreakers(config(), new DokuCallMetrics(meters));
    private final AtomicInteger calls = new AtomicInteger();

    @Test
    void rejectionsAndAbsorbedFaultsAreSuccessesOnlyFailuresAfterTheRetriesCount() {
        for (int i = 0; i < 10; i++) {
            assertEquals("ok", run(DokuOperation.CHARGE, Uni.createFrom().item("ok")));
            fail(DokuOperation.CHARGE, new DokuRejectedException(DokuOperation.CHARGE, 400, "INVALID", "bad"));
        }
        assertEquals(0.0, state(DokuOperation.CHARGE, "open"), "20 answers, none a failure to answer");
        for (int i = 0; i < 19; i++) {
            fail(DokuOperation.CHARGE, new DokuTransientException(DokuOperation.CHARGE, "http_5xx", "HTTP 500"));
        }
        assertEquals(0.0, state(DokuOperation.CHARGE, "open"), "19 failed of 39: under half");
        fail(DokuOperation.CHARGE, new DokuTransientException(DokuOperation.CHARGE, "no_answer", "timeout"));
        assertEquals(1.0, state(DokuOperation.CHARGE, "open"), "20 failed of 40: half");
    }

    @Test
    void anOpenBreakerRefusesAtOnceSaysWhenToComeBackAndLeavesTheOtherOperationsAlone() {
        openBreakerOf(DokuOperation.CHECK_STATUS);
        int before = calls.get();

        Throwable refusal = failureOf(DokuOperation.CHECK_STATUS, Uni.createFrom().item("never asked"));
        Throwable precheck = breakers.available(DokuOperation.CHECK_STATUS).onItem().transform(v -> (Throwable) null)
                .onFailure().recoverWithItem(f -> f).await().indefinitely();

        assertEquals(before, calls.get(), "the work was not started");
        DokuUnavailableException unavailable = assertInstanceOf(DokuUnavailableException.class, refusal);
        Optional<Duration> retryAfter = unavailable.retryAfter();
        assertTrue(retryAfter.isPresent() && !retryAfter.get().isNegative() && retryAfter.get().compareTo(OPEN_FOR) <= 0,
                "the next probe is at most the open wait away: " + retryAfter);
        assertInstanceOf(DokuUnavailableException.class, precheck);
        assertEquals("ok", run(DokuOperation.CHARGE, Uni.createFrom().item("ok")), "charges are not refused");
        assertEquals(1.0, state(DokuOperation.CHARGE, "closed"));
    }

    @Test
    void afterTheWaitOneProbeGoesThroughAndItsSuccessClosesTheBreaker() {
        openBreakerOf(DokuOperation.CAPTURE);

        await().atMost(Duration.ofSeconds(2)).until(() ->
                breakers.available(DokuOperation.CAPTURE).map(v -> true).onFailure().recoverWithItem(false)
                        .await().indefinitely());
        assertEquals("probe", run(DokuOperation.CAPTURE, Uni.createFrom().item("probe")));

        assertEquals(1.0, state(DokuOperation.CAPTURE, "closed"));
    }

    private void openBreakerOf(DokuOperation operation) {
        for (int i = 0; i < 10; i++) {
            fail(operation, new DokuTransientException(operation, "http_503", "HTTP 503"));
        }
        assertEquals(1.0, state(operation, "open"));
    }

    private <T> T run(DokuOperation operation, Uni<T> work) {
        return breakers.guard(operation, () -> {
            calls.incrementAndGet();
            return work;
        }).await().indefinitely();
    }

    private void fail(DokuOperation operation, Throwable failure) {
        assertEquals(failure, failureOf(operation, Uni.createFrom().failure(failure)));
    }

    private Throwable failureOf(DokuOperation operation, Uni<?> work) {
        return breakers.guard(operation, () -> {
            calls.incrementAndGet();
            return work;
        }).onItem().transform(item -> (Throwable) null).onFailure().recoverWithItem(f -> f).await().indefinitely();
    }

    private double state(DokuOperation operation, String state) {
        return meters.get("doku.breaker.state").tag("operation", operation.tag()).tag("state", state).gauge().value();
    }

    private static DokuConfig config() {
        DokuConfig.Breaker breaker = new DokuConfig.Breaker() {
            @Override
            public Duration window() {
                return Duration.ofSeconds(30);
            }

            @Override
            public int minimumOperations() {
                return 10;
            }

            @Override
            public int failureRatePercent() {
                return 50;
            }

            @Override
            public Duration openFor() {
                return OPEN_FOR;
            }

            @Override
            public int probes() {
                return 1;
            }
        };
        return new DokuConfig() {
            @Override
            public String baseUrl() {
                return "http://localhost";
            }

            @Override
            public Optional<String> clientId() {
                return Optional.empty();
            }

            @Override
            public Optional<String> secretKey() {
                return Optional.empty();
            }

            @Override
            public String notificationTarget() {
                return "/v1/doku/notifications";
            }

            @Override
            public Duration notificationMaxClockSkew() {
                return Duration.ofMinutes(15);
            }

            @Override
            public Duration retryAfterMax() {
                return Duration.ofSeconds(5);
            }

            @Override
            public Breaker breaker() {
                return breaker;
            }

            @Override
            public boolean verifyResponseSignatures() {
                return true;
            }
        };
    }
}
