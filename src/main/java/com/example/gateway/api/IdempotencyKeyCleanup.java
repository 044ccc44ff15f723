package com.example.gateway.api;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Forgets idempotency keys once they are well past the 24 hours API.md promises. A single DELETE
 * is safe to run on every replica at once.
 */
@ApplicationScoped
public class IdempotencyKeyCleanup {

    private final Pool db;
    private final Clock clock;
    private final Duration retention;

    IdempotencyKeyCleanup(Pool db, Clock clock, ApiConfig config) {
        this.db = db;
        this.clock = clock;
        this.retention = config.idempotency().retention();
    }

    @Scheduled(every = "${gateway.idempotency.cleanup-every}", delayed = "5m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> forgetOldKeys() {
        OffsetDateTime cutoff = OffsetDateTime.ofInstant(clock.instant().minus(retention), ZoneOffset.UTC);
        return db.preparedQuery("DELETE FROM idempotency_keys WHERE created_at < $1")
                .execute(Tuple.of(cutoff)).replaceWithVoid();
    }
}
