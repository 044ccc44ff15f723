package com.example.gateway.payment;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;

/**
 * When reconciliation next asks DOKU about a payment. Check status is not asked at once: DOKU
 * advises about a minute after a payment completes, and an answer may still be on its way.
 */
@ApplicationScoped
public class ReconcileSchedule {

    private final PaymentConfig.Reconciliation settings;

    ReconcileSchedule(PaymentConfig config) {
        this.settings = config.reconciliation();
    }

    /** A DOKU call is about to be made: if its answer never gets recorded, ask about it later. */
    void afterWriteAhead(Payment payment, Instant now) {
        payment.nextReconcileAt = now.plus(settings.afterWriteAhead());
    }

    /** DOKU's answer was lost. */
    void afterUnknown(Payment payment, Instant now) {
        payment.nextReconcileAt = now.plus(settings.afterUnknown());
    }

    /** A payment page is open: ask about it if nobody tells us it was paid. */
    void afterPageOpened(Payment payment, Instant now) {
        payment.nextReconcileAt = now.plus(settings.stalePage());
    }

    /**
     * A payment waits for its customer's 3-D Secure challenge: if the browser never comes back, ask about it
     * once the authentication has expired (reconciliation then fails it).
     */
    void afterAuthenticationRequired(Payment payment, Instant authenticationExpiresAt) {
        payment.nextReconcileAt = authenticationExpiresAt.plus(settings.inFlightGrace());
    }

    void done(Payment payment) {
        payment.nextReconcileAt = null;
        payment.reconcileAttempts = 0;
    }

    /** Still open after an attempt: back off exponentially, up to the longest wait, then stop. */
    void retryLater(Payment payment, Instant now) {
        payment.reconcileAttempts++;
        if (payment.reconcileAttempts >= settings.maxAttempts()) {
            payment.nextReconcileAt = null;
            return;
        }
        long factor = 1L << Math.min(payment.reconcileAttempts, 20);
        Duration delay = settings.afterUnknown().multipliedBy(factor);
        payment.nextReconcileAt = now.plus(delay.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : delay);
    }

    /** Whether a request sent at {@code sentAt} can no longer be DOKU still working on it. */
    boolean neverArrived(Instant sentAt, Instant now) {
        return sentAt.plus(settings.inFlightGrace()).isBefore(now);
    }
}
