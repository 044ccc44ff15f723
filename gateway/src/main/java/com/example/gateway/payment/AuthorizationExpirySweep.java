package com.example.gateway.payment;

import com.example.gateway.support.SqlTime;
import com.example.gateway.payment.Transition.Cause;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Watches the 7-day capture window. A day before an authorization's deadline it records
 * {@code authorization.expiring} (once); once the window has closed it marks the authorization EXPIRED
 * (DOKU has released it). Payments are claimed a batch per transaction with {@code FOR UPDATE SKIP
 * LOCKED}, so replicas sweeping together never wait for each other nor act on a payment twice; one
 * with a capture or void still in flight is left for reconciliation to settle first.
 */
@ApplicationScoped
public class AuthorizationExpirySweep {

    private static final Logger LOG = Logger.getLogger(AuthorizationExpirySweep.class);
    /** How long before its deadline an authorization is announced as expiring. */
    static final Duration WARNING = Duration.ofHours(24);

    private static final String NOTHING_IN_FLIGHT = " AND NOT EXISTS (SELECT 1 FROM payment_operations o "
            + "WHERE o.payment_id = p.id AND o.status IN ('PENDING', 'UNKNOWN')) ";
    private static final String LAPSED = "SELECT * FROM payments p WHERE p.status = 'AUTHORIZED' "
            + "AND p.capture_deadline <= :now" + NOTHING_IN_FLIGHT
            + "ORDER BY p.capture_deadline LIMIT :batch FOR UPDATE SKIP LOCKED";
    private static final String DUE_TOMORROW = "SELECT * FROM payments p WHERE p.status = 'AUTHORIZED' "
            + "AND p.expiry_warned_at IS NULL AND p.capture_deadline > :now "
            + "AND p.capture_deadline - interval '" + WARNING.toHours() + " hours' <= :now ORDER BY p.capture_deadline LIMIT :batch FOR UPDATE SKIP LOCKED";

    private final Payments payments;
    private final PaymentMetrics metrics;
    private final int batch;
    private final Clock clock;

    AuthorizationExpirySweep(Payments payments, PaymentMetrics metrics, PaymentConfig config, Clock clock) {
        this.payments = payments;
        this.batch = config.expirySweep().batch();
        this.metrics = metrics;
        this.clock = clock;
    }

    @Scheduled(every = "${gateway.expiry-sweep.every}", delayed = "${gateway.expiry-sweep.delayed}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return warnOnce().chain(this::runOnce).replaceWithVoid();
    }

    /** Expires every lapsed authorization; answers how many. Needs a Vert.x (duplicated) context. */
    public Uni<Integer> runOnce() {
        return batches(LAPSED, clock.instant(), this::expire).invoke(expired -> {
            if (expired > 0) {
                LOG.infof("Expired %d lapsed authorization(s)", expired);
            }
        });
    }

    /** Records {@code authorization.expiring} for each authorization due within a day; answers how many. */
    public Uni<Integer> warnOnce() {
        return batches(DUE_TOMORROW, clock.instant(), AuthorizationExpirySweep::warn);
    }

    private Uni<Integer> batches(String claim, Instant now, Action action) {
        return payments.transaction(unit -> claim(claim, now).map(due -> {
                    due.forEach(payment -> action.on(unit, payment, now));
                    return due.size();
                }))
                .chain(done -> done < batch ? Uni.createFrom().item(done)
                        : batches(claim, now, action).map(more -> done + more));
    }

    private Uni<List<Payment>> claim(String query, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery(query, Payment.class)
                .setParameter("now", SqlTime.utc(now))
                .setParameter("batch", batch)
                .getResultList());
    }

    /** What the sweep does to each payment it claimed, in the claiming transaction. */
    @FunctionalInterface
    private interface Action {
        void on(UnitOfWork unit, Payment payment, Instant now);
    }

    private void expire(UnitOfWork unit, Payment payment, Instant now) {
        metrics.moved(payment, PaymentStateMachine.apply(unit, payment, PaymentStateMachine.Happening.AUTHORIZATION_RELEASED, Cause.SWEEP, now));
    }

    private static void warn(UnitOfWork unit, Payment payment, Instant now) {
        payment.expiryWarnedAt = now;
        unit.record(payment.id, EventType.AUTHORIZATION_EXPIRING, Cause.SWEEP, now);
    }
}
