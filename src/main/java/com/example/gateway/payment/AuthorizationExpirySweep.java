package com.example.gateway.payment;

import com.example.gateway.payment.Transition.Cause;
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
        return batches(payments::claimLapsedAuthorizations, clock.instant(), this::expire).invoke(expired -> {
            if (expired > 0) {
                LOG.infof("Expired %d lapsed authorization(s)", expired);
            }
        });
    }

    /** Records {@code authorization.expiring} for each authorization due within a day; answers how many. */
    public Uni<Integer> warnOnce() {
        return batches(payments::claimAuthorizationsToWarn, clock.instant(), AuthorizationExpirySweep::warn);
    }

    private Uni<Integer> batches(Claim claim, Instant now, Action action) {
        return payments.transaction(unit -> claim.due(now, batch).map(due -> {
                    due.forEach(payment -> action.on(unit, payment, now));
                    return due.size();
                }))
                .chain(done -> done < batch ? Uni.createFrom().item(done)
                        : batches(claim, now, action).map(more -> done + more));
    }

    /** Which payments a pass claims, a batch at a time, inside its transaction ({@link Payments}). */
    @FunctionalInterface
    private interface Claim {
        Uni<List<Payment>> due(Instant now, int batch);
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
