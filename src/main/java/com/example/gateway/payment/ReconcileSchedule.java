package com.example.gateway.payment;

import java.time.Duration;
import org.eclipse.microprofile.config.ConfigProvider;
import java.time.Instant;

/**
 * When reconciliation next asks DOKU about a payment. Check status is not asked at once: DOKU
 * advises about a minute after a payment completes, and an answer may still be on its way.
 */
public final class ReconcileSchedule {

    /** A write-ahead row whose answer never got recorded (a crash, say). */
    static final Duration AFTER_WRITE_AHEAD = setting("gateway.reconciliation.after-write-ahead", Duration.ofMinutes(2));
    /** How long a request DOKU has not answered (or reports unknown) may still be DOKU working on it. */
    static final Duration IN_FLIGHT_GRACE = setting("gateway.reconciliation.in-flight-grace", Duration.ofMinutes(1));
    static final Duration AFTER_UNKNOWN = Duration.ofSeconds(30);
    /** A payment page nobody has paid yet. */
    static final Duration STALE_PAGE = Duration.ofMinutes(30);
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);
    /** After about a day of asking, a payment is left to operators (the unknown-payments alert). */
    static final int MAX_ATTEMPTS = 30;

    private ReconcileSchedule() {
    }

    // Read once: these tune a schedule kept in the database, and a restart is how they change.
    private static Duration setting(String name, Duration byDefault) {
        return ConfigProvider.getConfig().getOptionalValue(name, Duration.class).orElse(byDefault);
    }

    static void after(Payment payment, Duration delay, Instant now) {
        payment.nextReconcileAt = now.plus(delay);
    }

    static void done(Payment payment) {
        payment.nextReconcileAt = null;
        payment.reconcileAttempts = 0;
    }

    /** Still open after an attempt: back off exponentially, up to an hour, then stop. */
    static void retryLater(Payment payment, Instant now) {
        payment.reconcileAttempts++;
        if (payment.reconcileAttempts >= MAX_ATTEMPTS) {
            payment.nextReconcileAt = null;
            return;
        }
        long factor = 1L << Math.min(payment.reconcileAttempts, 20);
        Duration delay = AFTER_UNKNOWN.multipliedBy(factor);
        payment.nextReconcileAt = now.plus(delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay);
    }
}
