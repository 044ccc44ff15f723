package com.example.gateway.doku;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code doku.calls}: every DOKU attempt by operation and outcome (success, replayed, rejected,
 * http_429, http_503, http_5xx, connect_error, no_answer, bad_signature) with its latency, and the operations
 * their open circuit breaker refused (circuit_open); the state of each operation's breaker. {@code doku.response.signatures}: the verdicts on DOKU's answer
 * signatures (valid, invalid, absent, not_checked).
 */
@ApplicationScoped
class DokuCallMetrics {

    /**
     * Fixed latency buckets for dashboards and alerts (histogram_quantile works on them). Not a
     * percentile histogram: its ~70 buckets per operation and outcome cost every call far more.
     */
    private static final Duration[] LATENCY_BUCKETS = Stream.of(5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000)
            .map(Duration::ofMillis).toArray(Duration[]::new);

    private static final List<CircuitBreaker.State> BREAKER_STATES =
            List.of(CircuitBreaker.State.CLOSED, CircuitBreaker.State.OPEN, CircuitBreaker.State.HALF_OPEN);

    private final MeterRegistry meters;

    DokuCallMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    /** Starts timing one attempt; {@link Timer.Sample#stop} it with {@link #timer}. */
    Timer.Sample start() {
        return Timer.start(meters);
    }

    Timer timer(DokuOperation operation, String outcome) {
        return Timer.builder("doku.calls")
                .description("DOKU call attempts by operation and outcome")
                .tag("operation", operation.tag())
                .tag("outcome", outcome)
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .register(meters);
    }

    void shortCircuited(DokuOperation operation) {
        timer(operation, "circuit_open").record(Duration.ZERO);
    }

    /**
     * {@code doku.breaker.state}: 1 for the state the operation's breaker is in, 0 for the others, so that
     * a dashboard can draw each breaker's state over time; {@code doku.breaker.failure.rate}: the share
     * (percent) of the window's operations that failed, -1 while the window holds too few to judge.
     */
    void breaker(DokuOperation operation, CircuitBreaker breaker) {
        for (CircuitBreaker.State state : BREAKER_STATES) {
            Gauge.builder("doku.breaker.state", breaker, b -> b.getState() == state ? 1 : 0)
                    .description("State of the DOKU operation's circuit breaker (1 for the current state)")
                    .tag("operation", operation.tag())
                    .tag("state", state.name().toLowerCase())
                    .register(meters);
        }
        Gauge.builder("doku.breaker.failure.rate", breaker, b -> b.getMetrics().getFailureRate())
                .description("Failed DOKU operations in the breaker's window, percent (-1: too few to judge)")
                .tag("operation", operation.tag())
                .register(meters);
    }

    void responseSignature(String result) {
        Counter.builder("doku.response.signatures")
                .description("DOKU answers by the verdict on their signature")
                .tag("result", result)
                .register(meters)
                .increment();
    }
}
