package com.example.gateway.webhook;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Gauges read from the database every 30 seconds (a scrape must not query it): the backlog (events not
 * yet fanned out plus deliveries pending), the age of the oldest event not yet delivered, and the
 * endpoints disabled by a 410. Every replica reports the same numbers; dashboards take the max.
 */
@ApplicationScoped
public class WebhookGauges {

    private final Pool db;
    private final Clock clock;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestSeconds = new AtomicLong();
    private final AtomicLong disabled = new AtomicLong();

    WebhookGauges(Pool db, Clock clock, MeterRegistry meters) {
        this.db = db;
        this.clock = clock;
        Gauge.builder("gateway.webhook.backlog", backlog, AtomicLong::get).register(meters);
        Gauge.builder("gateway.webhook.backlog.oldest.seconds", oldestSeconds, AtomicLong::get).register(meters);
        Gauge.builder("gateway.webhook.endpoints.disabled", disabled, AtomicLong::get).register(meters);
    }

    @Scheduled(every = "${gateway.gauges.every}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public Uni<Void> refresh() {
        return db.query("SELECT "
                        + "(SELECT count(*) FROM payment_events WHERE NOT fanned_out) "
                        + "+ (SELECT count(*) FROM webhook_deliveries WHERE status = 'pending'), "
                        + "LEAST((SELECT min(created_at) FROM payment_events WHERE NOT fanned_out), "
                        + "(SELECT min(e.created_at) FROM webhook_deliveries d JOIN payment_events e ON e.id = d.event_id "
                        + "WHERE d.status = 'pending')), "
                        + "(SELECT count(*) FROM webhook_endpoints WHERE status = 'disabled')")
                .execute()
                .invoke(rows -> {
                    Row row = rows.iterator().next();
                    backlog.set(row.getLong(0));
                    OffsetDateTime oldest = row.getOffsetDateTime(1);
                    oldestSeconds.set(oldest == null ? 0
                            : Math.max(0, Duration.between(oldest.toInstant(), clock.instant()).toSeconds()));
                    disabled.set(row.getLong(2));
                })
                .replaceWithVoid();
    }
}
