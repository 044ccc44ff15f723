package com.example.gateway.notification;

import com.example.gateway.payment.Payment;
import com.example.gateway.payment.PaymentMetrics;
import com.example.gateway.payment.PaymentOutcome;
import com.example.gateway.payment.Payments;
import com.example.gateway.payment.RowTransaction;
import com.example.gateway.payment.Transition.Cause;
import com.example.gateway.payment.UnitOfWork;
import com.example.gateway.payment.provider.ProviderNotifications;
import com.example.gateway.payment.provider.TransactionNews;
import com.example.gateway.support.CleanText;
import com.example.gateway.support.Detached;
import com.example.gateway.support.LogContext;
import com.example.gateway.support.LogSafe;
import com.example.gateway.support.StrictJson;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Receives DOKU's notifications. One that does not verify is refused before any database work and kept
 * only as a count ({@link UnverifiedNotifications}); an authentic one is stored as received and applied
 * to its payment exactly once, under the payment's row lock so concurrent deliveries serialize.
 */
@ApplicationScoped
public class NotificationService {

    private static final Logger LOG = Logger.getLogger(NotificationService.class);

    private final NotificationVerifier verifier;
    private final ProviderNotifications provider;
    private final UnverifiedNotifications unverified;
    private final Payments payments;
    private final NotificationRows rows;
    private final MeterRegistry meters;
    private final PaymentMetrics paymentMetrics;
    private final Clock clock;

    NotificationService(NotificationVerifier verifier, ProviderNotifications provider,
            UnverifiedNotifications unverified, Payments payments, NotificationRows rows, MeterRegistry meters,
            PaymentMetrics paymentMetrics, Clock clock) {
        this.verifier = verifier;
        this.provider = provider;
        this.unverified = unverified;
        this.payments = payments;
        this.rows = rows;
        this.meters = meters;
        this.paymentMetrics = paymentMetrics;
        this.clock = clock;
    }

    public Uni<NotificationResult> receive(IncomingNotification incoming, String requestTarget) {
        if (!verifier.isAuthentic(incoming)) {
            // Anyone can post here: what a stranger sends costs no row, no transaction, no pool
            // connection and no log line each, only a count (and the metric, for the alert).
            unverified.count(incoming.body());
            return Uni.createFrom().item(counted(NotificationResult.INVALID_SIGNATURE));
        }
        ReceivedNotification record = recordOf(incoming, requestTarget);
        // Text with control characters never reaches the database nor matches a payment.
        Optional<TransactionNews> parsed = StrictJson.object(incoming.body()).filter(StrictJson::isClean)
                .map(provider::read);
        record.invoiceNumber = parsed.map(TransactionNews::invoiceNumber).orElse(null);
        // Detached: DOKU (or a proxy) hanging up must not cut the transaction that stores and applies it.
        return Detached.run(() -> payments.rowTransaction(tx -> {
                    tx.writeBeforeCommit(() -> rows.insert(tx.connection(), record));
                    return decide(tx, record, parsed).invoke(result -> record.result = result);
                }))
                .invoke(result -> {
                    counted(result);
                    LOG.infof("DOKU notification %s for invoice %s: %s", LogSafe.of(incoming.requestId()),
                            LogSafe.of(record.invoiceNumber), result);
                });
    }

    private NotificationResult counted(NotificationResult result) {
        meters.counter("gateway.notifications", "result", result.tag()).increment();
        return result;
    }

    private Uni<NotificationResult> decide(RowTransaction tx, ReceivedNotification record, Optional<TransactionNews> parsed) {
        if (parsed.isEmpty()) {
            return Uni.createFrom().item(NotificationResult.INVALID_NOTIFICATION);
        }
        TransactionNews report = parsed.get();
        if (report.invoiceNumber() == null) {
            return Uni.createFrom().item(NotificationResult.UNKNOWN_INVOICE);
        }
        // The same row lock as every API change of the payment (Payments), so the two take turns. Whether it
        // was applied before is asked right behind the lock, in the same round trip: PostgreSQL answers it once
        // the lock is granted, so a duplicate that committed while this one waited is seen.
        return Uni.combine().all().unis(payments.lockByInvoice(tx, report.invoiceNumber()),
                        alreadyApplied(tx, record.dokuRequestId))
                .with((locked, applied) -> {
                    if (locked == null) {
                        return NotificationResult.UNKNOWN_INVOICE;
                    }
                    Payment payment = locked.payment();
                    record.paymentId = payment.id;
                    LogContext.payment(payment.id, payment.clientName);
                    // The payment's own Request-Id (the notification's is in the line's text).
                    LogContext.dokuRequest(payment.dokuRequestId);
                    return applied ? NotificationResult.DUPLICATE : apply(tx.unit(), payment, report);
                });
    }

    private NotificationResult apply(UnitOfWork unit, Payment payment, TransactionNews report) {
        // A notification that does not name the payment's amount as a whole number is no evidence about
        // this payment: missing, fractional or textual amounts are mismatches, like a different one.
        if (report.amount() == null || report.amount() != payment.amount) {
            LOG.warnf("DOKU notification amount %s is not payment %s amount %d: not applied",
                    report.amount() == null ? "(missing or not a whole number)" : report.amount(), payment.id,
                    payment.amount);
            return NotificationResult.AMOUNT_MISMATCH;
        }
        boolean moved = PaymentOutcome.apply(unit, payment, report, Cause.NOTIFICATION, clock.instant());
        paymentMetrics.moved(payment, moved);
        return moved ? NotificationResult.APPLIED : NotificationResult.OUTDATED;
    }

    private Uni<Boolean> alreadyApplied(RowTransaction tx, String dokuRequestId) {
        return dokuRequestId == null ? Uni.createFrom().item(false) : rows.appliedBefore(tx.connection(), dokuRequestId);
    }

    private ReceivedNotification recordOf(IncomingNotification incoming, String requestTarget) {
        ReceivedNotification record = new ReceivedNotification();
        record.dokuRequestId = storable(incoming.requestId());
        record.clientId = storable(incoming.clientId());
        record.requestTimestamp = storable(incoming.timestamp());
        record.signature = storable(incoming.signature());
        record.requestTarget = storable(requestTarget);
        record.body = incoming.body();
        record.receivedAt = clock.instant();
        return record;
    }

    /** A header as received, escaped if PostgreSQL's text could not hold it (or a log could misread it). */
    private static String storable(String header) {
        return header == null || CleanText.isClean(header) ? header : LogSafe.of(header);
    }
}
