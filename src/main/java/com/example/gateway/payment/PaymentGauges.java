package com.example.gateway.payment;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Gauges read from the database every 30 seconds (a scrape must not query it): authorizations
 * awaiting capture, those due within 24 hours, and payments whose outcome is unknown. Every
 * replica reports the same numbers; dashboards take the max.
 */
@ApplicationScoped
public class PaymentGauges {

    private final Payments payments;
    private final Clock clock;
    private final AtomicLong awaitingCapture = new AtomicLong();
    private final AtomicLong dueWithin24h = new AtomicLong();
    private final AtomicLong unknown = new AtomicLong();

    PaymentGauges(Payments payments, Clock clock, MeterRegistry meters) {
        this.payments = payments;
        this.clock = clock;
        Gauge.builder("gateway.authorizations.awaiting.capture", awaitingCapture, AtomicLong::get).register(meters);
        Gauge.builder("gateway.authorizations.due.24h", dueWithin24h, AtomicLong::get).register(meters);
        Gauge.builder("gateway.payments.unknown", unknown, AtomicLong::get).register(meters);
    }

    @Scheduled(every = "${gateway.gauges.every}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public Uni<Void> refresh() {
        return payments.counts(clock.instant().plus(Duration.ofHours(24)))
                .invoke(counts -> {
                    awaitingCapture.set(counts.awaitingCapture());
                    dueWithin24h.set(counts.dueBy());
                    unknown.set(counts.unknown());
                })
                .replaceWithVoid();
    }
}
