package com.example.gateway.api;

import com.example.gateway.payment.AuthorizationExpirySweep;
import com.example.gateway.payment.ReconciliationJob;
import com.example.gateway.webhook.WebhookDispatcher;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Runs at once the time-driven jobs that a test clock advance may have made due, in the order their
 * effects feed each other: the expiry sweep (authorizations past their window), reconciliation
 * (payments whose next check has come), then webhook dispatch (fans out the events both recorded and
 * starts the deliveries and retries now due). The scheduler would run the same jobs on its next ticks;
 * running them here lets the caller see the effect in the advance's aftermath.
 */
@ApplicationScoped
class DueJobs {

    /** Reconciliation claims a batch per run; this many runs at most per advance, so one call stays short. */
    static final int MAX_RECONCILIATION_RUNS = 10;

    /** What ran and what it did. */
    public record Ran(int authorizationsExpiring, int authorizationsExpired, int paymentsReconciled, int webhookDeliveriesStarted) {
    }

    private final AuthorizationExpirySweep sweep;
    private final ReconciliationJob reconciliation;
    private final WebhookDispatcher webhooks;

    DueJobs(AuthorizationExpirySweep sweep, ReconciliationJob reconciliation, WebhookDispatcher webhooks) {
        this.sweep = sweep;
        this.reconciliation = reconciliation;
        this.webhooks = webhooks;
    }

    Uni<Ran> run() {
        return sweep.warnOnce().chain(expiring -> sweep.runOnce()
                .chain(expired -> reconcile(MAX_RECONCILIATION_RUNS, 0)
                        .chain(reconciled -> webhooks.runOnce()
                                .map(started -> new Ran(expiring, expired, reconciled, started)))));
    }

    private Uni<Integer> reconcile(int runsLeft, int doneSoFar) {
        return reconciliation.runOnce().chain(done -> done == 0 || runsLeft <= 1
                ? Uni.createFrom().item(doneSoFar + done)
                : reconcile(runsLeft - 1, doneSoFar + done));
    }
}
