package com.example.gateway.webhook;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;

/**
 * Forgets events (and their deliveries) older than the retention period, a batch per statement so no
 * single delete holds locks for long. Safe on every replica at once.
 */
@ApplicationScoped
public class EventPurge {

    private static final int BATCH = 1000;

    private final Pool db;
    private final Duration retention;
    private final Clock clock;

    EventPurge(Pool db, WebhookConfig config, Clock clock) {
        this.db = db;
        this.retention = config.retention();
        this.clock = clock;
    }

    @Scheduled(every = "${gateway.webhooks.purge-every}", delayed = "5m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return runOnce().replaceWithVoid();
    }

    /** Deletes every event older than the retention; answers how many. */
    public Uni<Integer> runOnce() {
        return db.preparedQuery("DELETE FROM payment_events WHERE id IN (SELECT id FROM payment_events "
                        + "WHERE created_at < $1 LIMIT $2)")
                .execute(Tuple.of(WebhookEndpoints.utc(clock.instant().minus(retention)), BATCH))
                .chain(rows -> rows.rowCount() < BATCH ? Uni.createFrom().item(rows.rowCount())
                        : runOnce().map(more -> rows.rowCount() + more));
    }
}
