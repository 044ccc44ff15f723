package com.example.gateway.payment;

import com.example.gateway.payment.provider.PaymentProvider;
import com.example.gateway.payment.provider.ProviderCall;
import com.example.gateway.payment.provider.ProviderUnavailable;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Reconciles payments whose time has come. Safe with several replicas: each batch is claimed with
 * {@code FOR UPDATE SKIP LOCKED} and leased by pushing its next time forward, so no two replicas
 * work on the same payment; a replica that dies leaves the lease to run out. Its share of DOKU is
 * bounded: one payment at a time per replica (one DOKU operation, with its retries, in flight), and no
 * overlapping runs; it goes through the same per-operation breakers as the API (see runOnce).
 */
@ApplicationScoped
public class ReconciliationJob {

    private static final Logger LOG = Logger.getLogger(ReconciliationJob.class);

    private final Payments payments;
    private final Reconciler reconciler;
    private final PaymentProvider provider;
    private final PaymentConfig.Reconciliation settings;
    private final Clock clock;

    ReconciliationJob(Payments payments, Reconciler reconciler, PaymentProvider provider, PaymentConfig config, Clock clock) {
        this.provider = provider;
        this.settings = config.reconciliation();
        this.payments = payments;
        this.reconciler = reconciler;
        this.clock = clock;
    }

    @Scheduled(every = "${gateway.reconciliation.every}", delayed = "${gateway.reconciliation.delayed}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return runOnce().replaceWithVoid();
    }

    /**
     * Claims and reconciles one batch of due payments; answers how many. While DOKU's check-status
     * breaker is open the tick is skipped (0): nothing is claimed, so no payment spends one of its
     * reconciliation attempts on a refusal, and the batch is taken up on the first tick after a probe.
     */
    public Uni<Integer> runOnce() {
        return provider.available(ProviderCall.CHECK_STATUS)
                .onItem().transformToUni(ignored -> claimAndReconcile())
                .onFailure(ProviderUnavailable.class).recoverWithItem(refused -> {
                    LOG.debugf("Reconciliation skipped: %s", refused.getMessage());
                    return 0;
                });
    }

    private Uni<Integer> claimAndReconcile() {
        Instant now = clock.instant();
        return payments.claimDueForReconciliation(now, now.plus(settings.lease()), settings.batch())
                .chain(ids -> Multi.createFrom().iterable(ids)
                        .onItem().transformToUniAndConcatenate(id -> reconciler.reconcile(id)
                                .onFailure().recoverWithItem(failure -> {
                                    LOG.errorf(failure, "Reconciliation of payment %s failed", id);
                                    return null;
                                }))
                        .collect().asList().map(done -> ids.size()));
    }
}
