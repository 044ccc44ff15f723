package com.example.gateway.payment;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * Marks authorizations whose 7-day capture window has closed as EXPIRED (DOKU has released them).
 * One conditional UPDATE: replicas running it together each change a row at most once, and an
 * authorization with a capture still in flight is left for reconciliation to settle first.
 */
@ApplicationScoped
public class AuthorizationExpirySweep {

    private static final Logger LOG = Logger.getLogger(AuthorizationExpirySweep.class);

    private final Pool db;
    private final PaymentMetrics metrics;
    private final Clock clock;

    AuthorizationExpirySweep(Pool db, PaymentMetrics metrics, Clock clock) {
        this.db = db;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Scheduled(every = "${gateway.expiry-sweep.every:5m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return runOnce().replaceWithVoid();
    }

    /** Expires every lapsed authorization; answers how many. */
    public Uni<Integer> runOnce() {
        return db.preparedQuery("UPDATE payments SET status = 'EXPIRED', updated_at = $1, version = version + 1 "
                        + "WHERE status = 'AUTHORIZED' AND capture_deadline <= $1 AND NOT EXISTS ("
                        + "SELECT 1 FROM payment_operations o WHERE o.payment_id = payments.id "
                        + "AND o.status IN ('PENDING', 'UNKNOWN')) RETURNING flow, payment_type")
                .execute(Tuple.of(ReconciliationJob.utc(clock.instant())))
                .map(rows -> {
                    for (Row row : rows) {
                        metrics.expired(row.getString("flow"), row.getString("payment_type"));
                    }
                    if (rows.rowCount() > 0) {
                        LOG.infof("Expired %d lapsed authorization(s)", rows.rowCount());
                    }
                    return rows.rowCount();
                });
    }
}
