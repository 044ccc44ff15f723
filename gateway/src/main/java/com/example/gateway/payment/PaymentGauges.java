package com.example.gateway.payment;

import com.example.gateway.support.SqlTime;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
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

    private final Pool db;
    private final Clock clock;
    private final AtomicLong awaitingCapture = new AtomicLong();
    private final AtomicLong dueWithin24h = new AtomicLong();
    private final AtomicLong unknown = new AtomicLong();

    PaymentGauges(Pool db, Clock clock, MeterRegistry meters) {
        this.db = db;
        this.clock = clock;
        Gauge.builder("gateway.authorizations.awaiting.capture", awaitingCapture, AtomicLong::get).register(meters);
        Gauge.builder("gateway.authorizations.due.24h", dueWithin24h, AtomicLong::get).register(meters);
        Gauge.builder("gateway.payments.unknown", unknown, AtomicLong::get).register(meters);
    }

    @Scheduled(every = "${gateway.gauges.every}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public Uni<Void> refresh() {
        return db.preparedQuery("SELECT "
                        + "count(*) FILTER (WHERE status = 'AUTHORIZED'), "
                        + "count(*) FILTER (WHERE status = 'AUTHORIZED' AND capture_deadline <= $1), "
                        + "count(*) FILTER (WHERE status = 'UNKNOWN') FROM payments")
                .execute(Tuple.of(SqlTime.utc(clock.instant().plus(Duration.ofHours(24)))))
                .invoke(rows -> {
                    Row row = rows.iterator().next();
                    awaitingCapture.set(row.getLong(0));
                    dueWithin24h.set(row.getLong(1));
                    unknown.set(row.getLong(2));
                })
                .replaceWithVoid();
    }
}
