package com.example.gateway.notification;

import com.example.gateway.support.BatchedDelete;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Forgets stored notifications past their retention, and the hourly counts of unverified attempts
 * past theirs, counting what went in {@code gateway_notifications_purged_total{kind}}. Safe on every
 * replica at once.
 */
@ApplicationScoped
public class NotificationPurge {

    private final Pool db;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Duration retention;
    private final Duration unverifiedRetention;

    NotificationPurge(Pool db, MeterRegistry meters, Clock clock, NotificationConfig config) {
        this.db = db;
        this.meters = meters;
        this.clock = clock;
        this.retention = config.retention();
        this.unverifiedRetention = config.unverifiedRetention();
    }

    @Scheduled(every = "${gateway.notifications.purge-every}", delayed = "5m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return runOnce().replaceWithVoid();
    }

    /** Purges both; answers how many stored notifications went. */
    public Uni<Integer> runOnce() {
        Instant now = clock.instant();
        return BatchedDelete.olderThan(db, "doku_notifications", "id", "received_at", now.minus(retention))
                .invoke(purged -> count("notification", purged))
                .call(purged -> db.preparedQuery("DELETE FROM unverified_notifications WHERE hour < $1")
                        .execute(Tuple.of(OffsetDateTime.ofInstant(now.minus(unverifiedRetention), ZoneOffset.UTC)))
                        .invoke(rows -> count("unverified_count", rows.rowCount())));
    }

    private void count(String kind, int purged) {
        meters.counter("gateway.notifications.purged", "kind", kind).increment(purged);
    }
}
