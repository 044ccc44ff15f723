package com.example.gateway.doku;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowSynchronizationStrategy;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * One circuit breaker per DOKU operation, each judging whole operations <em>after their retries</em>.
 *
 * <p>Why this policy. Each retry goes out under the same Request-Id and DOKU replays (409) what it
 * already did, so four attempts at a 30 % fault rate leave under 1 % of operations failed: a breaker
 * that counted attempts (as the one {@code @CircuitBreaker} on the transport did) opened on faults the
 * retries absorb and refused every flow for every client. So a breaker here sees an operation once,
 * when its retries are over, and only a final "DOKU is not answering" counts against it: a transient
 * failure that outlasted the retries (5xx, 429/503, no or lost answer, a Retry-After longer than we
 * wait). DOKU's rejections (4xx) and declines are answers, so they are successes for the breaker.
 *
 * <p>It opens when at least {@code doku.breaker.failure-rate-percent} of the operations in the last
 * {@code doku.breaker.window} failed so, once the window holds {@code doku.breaker.minimum-operations}
 * (a time window, so that an hour-old failure at low traffic does not count, and a minimum, so that
 * two unlucky operations do not open it). Open, it refuses at once (no DOKU call) and says when the
 * next probe is due; after {@code doku.breaker.open-for} the next {@code doku.breaker.probes}
 * operation(s) go to DOKU as probes, with their retries: success closes the breaker, failure opens it
 * again. One breaker per operation, because check status or token listing failing says nothing about
 * charges. Resilience4j rather than SmallRye's {@code @CircuitBreaker}: the latter's window counts the
 * last N calls, however old, and cannot sit outside the {@code @Retry} of the same method.
 *
 * <p>The breakers measure real elapsed time (the system clock), not the injected business clock, which
 * tests move by minutes or days (and back).
 */
@ApplicationScoped
class DokuBreakers {

    private static final Logger LOG = Logger.getLogger(DokuBreakers.class);

    private final Map<DokuOperation, Breaker> breakers = new EnumMap<>(DokuOperation.class);
    private final DokuCallMetrics metrics;
    private final Clock clock = Clock.systemUTC();

    DokuBreakers(DokuConfig config, DokuCallMetrics metrics) {
        this.metrics = metrics;
        DokuConfig.Breaker settings = config.breaker();
        CircuitBreakerConfig policy = CircuitBreakerConfig.custom()
                .slidingWindow((int) Math.max(1, settings.window().toSeconds()), settings.minimumOperations(),
                        SlidingWindowType.TIME_BASED, SlidingWindowSynchronizationStrategy.SYNCHRONIZED)
                .failureRateThreshold(settings.failureRatePercent())
                .waitDurationInOpenState(settings.openFor())
                .permittedNumberOfCallsInHalfOpenState(settings.probes())
                .recordException(DokuBreakers::dokuNotAnswering)
                .clock(clock)
                .build();
        for (DokuOperation operation : DokuOperation.values()) {
            Breaker breaker = new Breaker(CircuitBreaker.of("doku-" + operation.tag(), policy), settings.openFor(), clock);
            breakers.put(operation, breaker);
            metrics.breaker(operation, breaker.circuit);
        }
    }

    /**
     * Runs {@code operation} (the whole of it, retries included) under its breaker: refused at once with a
     * {@link DokuUnavailableException} while the breaker is open, its final outcome recorded otherwise.
     */
    <T> Uni<T> guard(DokuOperation operation, Supplier<Uni<T>> work) {
        Breaker breaker = breakers.get(operation);
        return Uni.createFrom().deferred(() -> {
            if (!breaker.circuit.tryAcquirePermission()) {
                return Uni.createFrom().failure(refusal(operation, breaker));
            }
            long start = breaker.circuit.getCurrentTimestamp();
            return work.get()
                    .onItemOrFailure().invoke((item, failure) -> {
                        long took = breaker.circuit.getCurrentTimestamp() - start;
                        if (failure == null) {
                            breaker.circuit.onSuccess(took, breaker.circuit.getTimestampUnit());
                        } else {
                            breaker.circuit.onError(took, breaker.circuit.getTimestampUnit(), failure);
                        }
                    })
                    .onCancellation().invoke(breaker.circuit::releasePermission);
        });
    }

    /**
     * Fails with {@link DokuUnavailableException} while the operation's breaker is open, without taking a
     * probe's place: callers check before they write anything, so that a refusal leaves no row behind.
     */
    Uni<Void> available(DokuOperation operation) {
        return Uni.createFrom().deferred(() -> {
            Breaker breaker = breakers.get(operation);
            boolean open = breaker.circuit.getState() == CircuitBreaker.State.OPEN
                    && breaker.probeDueAt.get().isAfter(clock.instant());
            return open ? Uni.createFrom().failure(refusal(operation, breaker)) : Uni.createFrom().voidItem();
        });
    }

    /**
     * Closes every breaker, forgetting what it counted. Only tests call this: one that breaks DOKU on
     * purpose must not leave the next one facing an open breaker (they share the application).
     */
    void closeAll() {
        breakers.values().forEach(breaker -> breaker.circuit.reset());
    }

    private DokuUnavailableException refusal(DokuOperation operation, Breaker breaker) {
        metrics.shortCircuited(operation);
        return new DokuUnavailableException(operation, "circuit breaker open", breaker.untilNextProbe(clock.instant()));
    }

    /** What counts against a breaker: DOKU did not answer usefully, even after the retries. */
    static boolean dokuNotAnswering(Throwable failure) {
        return failure instanceof DokuTransientException;
    }

    /** One operation's breaker and when its next probe is due. */
    private static final class Breaker {

        /** A probe is in flight: the next one is due when it ends, in a moment. */
        private static final Duration PROBE_IN_FLIGHT = Duration.ofSeconds(1);

        final CircuitBreaker circuit;
        final AtomicReference<Instant> probeDueAt = new AtomicReference<>(Instant.MIN);

        Breaker(CircuitBreaker circuit, Duration openFor, Clock clock) {
            this.circuit = circuit;
            circuit.getEventPublisher().onStateTransition(event -> {
                LOG.warnf("DOKU circuit breaker %s: %s", circuit.getName(), event.getStateTransition());
                if (event.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                    probeDueAt.set(clock.instant().plus(openFor));
                }
            });
        }

        Duration untilNextProbe(Instant now) {
            Duration left = Duration.between(now, probeDueAt.get());
            return circuit.getState() == CircuitBreaker.State.OPEN && left.compareTo(Duration.ZERO) > 0
                    ? left : PROBE_IN_FLIGHT;
        }
    }
}
