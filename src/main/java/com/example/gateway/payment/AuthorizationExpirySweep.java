package com.example.gateway.payment;

import com.example.gateway.payment.Transition.Cause;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Marks authorizations whose 7-day capture window has closed as EXPIRED (DOKU has released them).
 * Lapsed ones are claimed a batch per transaction with {@code FOR UPDATE SKIP LOCKED}, so replicas
 * sweeping together never wait for each other nor expire a payment twice; one with a capture or
 * void still in flight is left for reconciliation to settle first.
 */
@ApplicationScoped
public class AuthorizationExpirySweep {

    private static final Logger LOG = Logger.getLogger(AuthorizationExpirySweep.class);

    private static final String CLAIM = "SELECT * FROM payments p WHERE p.status = :authorized "
            + "AND p.capture_deadline <= :now AND NOT EXISTS (SELECT 1 FROM payment_operations o "
            + "WHERE o.payment_id = p.id AND o.status IN (:pending, :unknown)) "
            + "ORDER BY p.capture_deadline LIMIT :batch FOR UPDATE SKIP LOCKED";

    private final PaymentMetrics metrics;
    private final int batch;
    private final Clock clock;

    AuthorizationExpirySweep(PaymentMetrics metrics, PaymentConfig config, Clock clock) {
        this.batch = config.expirySweep().batch();
        this.metrics = metrics;
        this.clock = clock;
    }

    @Scheduled(every = "${gateway.expiry-sweep.every}", delayed = "${gateway.expiry-sweep.delayed}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return runOnce().replaceWithVoid();
    }

    /** Expires every lapsed authorization; answers how many. Needs a Vert.x (duplicated) context. */
    public Uni<Integer> runOnce() {
        return batchesFrom(clock.instant()).invoke(expired -> {
            if (expired > 0) {
                LOG.infof("Expired %d lapsed authorization(s)", expired);
            }
        });
    }

    private Uni<Integer> batchesFrom(Instant now) {
        return Panache.withTransaction(() -> claim(now).map(due -> {
                    due.forEach(payment -> expire(payment, now));
                    return due.size();
                }))
                .chain(expired -> expired < batch ? Uni.createFrom().item(expired)
                        : batchesFrom(now).map(more -> expired + more));
    }

    private Uni<List<Payment>> claim(Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery(CLAIM, Payment.class)
                .setParameter("authorized", PaymentStatus.AUTHORIZED.name())
                .setParameter("now", ReconciliationJob.utc(now))
                .setParameter("pending", PaymentOperation.Status.PENDING.name())
                .setParameter("unknown", PaymentOperation.Status.UNKNOWN.name())
                .setParameter("batch", batch)
                .getResultList());
    }

    private void expire(Payment payment, Instant now) {
        metrics.moved(payment, PaymentStateMachine.move(payment, PaymentStatus.EXPIRED, Cause.SWEEP, now).isPresent());
    }
}
