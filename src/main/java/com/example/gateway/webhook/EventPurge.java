package com.example.gateway.webhook;

import com.example.gateway.support.BatchedDelete;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;

/**
 * Forgets events (and their deliveries) older than the retention period ({@link BatchedDelete}). Safe on
 * every replica at once.
 */
@ApplicationScoped
public class EventPurge {

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
        return BatchedDelete.olderThan(db, "payment_events", "id", "created_at", clock.instant().minus(retention));
    }
}
