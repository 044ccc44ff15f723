package com.example.gateway.doku;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * {@code doku.calls}: every DOKU attempt by operation and outcome (success, replayed, rejected,
 * http_429, http_503, http_5xx, connect_error, no_answer, bad_signature) with its latency, and the calls the open
 * circuit breaker refused (circuit_open). {@code doku.response.signatures}: the verdicts on DOKU's answer
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

    void responseSignature(String result) {
        Counter.builder("doku.response.signatures")
                .description("DOKU answers by the verdict on their signature")
                .tag("result", result)
                .register(meters)
                .increment();
    }
}
