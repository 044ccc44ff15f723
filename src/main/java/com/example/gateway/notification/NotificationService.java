package com.example.gateway.notification;

import com.example.gateway.payment.LockedPayment;
import com.example.gateway.payment.Payment;
import com.example.gateway.payment.PaymentMetrics;
import com.example.gateway.payment.PaymentOutcome;
import com.example.gateway.payment.Payments;
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
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Receives DOKU's notifications. One that does not verify is refused before any database work and kept
 * only as a count ({@link UnverifiedNotifications}); an authentic one is stored as received and applied
 * to its payment exactly once: stored with the change it makes only if the payment has not moved since it was
 * read, under the payment's row lock otherwise, so concurrent deliveries serialize.
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
    private final Pool db;
    private final Clock clock;

    NotificationService(NotificationVerifier verifier, ProviderNotifications provider,
            UnverifiedNotifications unverified, Payments payments, NotificationRows rows, MeterRegistry meters,
            PaymentMetrics paymentMetrics, Pool db, Clock clock) {
        this.db = db;
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
        // Detached: DOKU (or a proxy) hanging up must not cut the statements that store and apply it.
        return Detached.run(() -> store(record, parsed))
                .invoke(decision -> {
                    if (decision.result() == NotificationResult.APPLIED) {
                        paymentMetrics.moved(decision.payment(), true);
                    }
                    counted(decision.result());
                    LOG.infof("DOKU notification %s for invoice %s: %s", LogSafe.of(incoming.requestId()),
                            LogSafe.of(record.invoiceNumber), decision.result());
                })
                .map(Decision::result);
    }

    /** What a notification did, and to which payment (null when it names none). */
    private record Decision(NotificationResult result, Payment payment) {
    }

    private NotificationResult counted(NotificationResult result) {
        meters.counter("gateway.notifications", "result", result.tag()).increment();
        return result;
    }

    /**
     * Stores the notification and applies it. Usually nothing else changes its payment meanwhile: the payment, then
     * whether this notification was applied before, are read (two statements sent together), the decision is made on
     * them, and the change is stored with the notification's row in one statement if the payment has not moved
     * since ({@link Payments#writeUnlessMoved}); one that changes nothing is stored alone, as the read saw it.
     * If the payment moved, it is all done again under the payment's row lock.
     */
    private Uni<Decision> store(ReceivedNotification record, Optional<TransactionNews> parsed) {
        TransactionNews report = parsed.orElse(null);
        if (report == null || report.invoiceNumber() == null) {
            return storedAlone(record, new Decision(report == null ? NotificationResult.INVALID_NOTIFICATION
                    : NotificationResult.UNKNOWN_INVOICE, null));
        }
        // On one connection, in this order (pipelined: one round trip): a duplicate committed after the payment was
        // read is then seen as applied, not taken for news the payment already has.
        return db.withConnection(connection -> Uni.combine().all().unis(payments.readByInvoice(connection,
                        report.invoiceNumber()), alreadyApplied(connection, record)).asTuple())
                .chain(read -> {
                    LockedPayment payment = read.getItem1();
                    Decision decision = decide(record, payment, read.getItem2(), report);
                    if (decision.result() != NotificationResult.APPLIED) {
                        return storedAlone(record, decision);
                    }
                    return payments.writeUnlessMoved(payment, rows.insertWith(record)).chain(stored -> stored
                            ? Uni.createFrom().item(decision) : underLock(record, report));
                });
    }

    private Uni<Decision> storedAlone(ReceivedNotification record, Decision decision) {
        record.result = decision.result();
        return rows.insert(db, record).replaceWith(decision);
    }

    /**
     * The same row lock as every API change of the payment (Payments), so the two take turns. Whether it was
     * applied before is asked right behind the lock, in the same round trip: PostgreSQL answers it once the lock
     * is granted, so a duplicate that committed while this one waited is seen.
     */
    private Uni<Decision> underLock(ReceivedNotification record, TransactionNews report) {
        return payments.rowTransaction(tx -> {
            tx.writeBeforeCommit(() -> rows.insert(tx.connection(), record));
            return Uni.combine().all().unis(payments.lockByInvoice(tx, report.invoiceNumber()),
                    alreadyApplied(tx.connection(), record)).with((locked, applied) -> decide(record, locked, applied, report));
        });
    }

    /** On the payment as read or locked ({@code payment}, null: none has the invoice); sets the record's result. */
    private Decision decide(ReceivedNotification record, LockedPayment payment, boolean applied, TransactionNews report) {
        if (payment == null) {
            record.result = NotificationResult.UNKNOWN_INVOICE;
            return new Decision(record.result, null);
        }
        Payment p = payment.payment();
        record.paymentId = p.id;
        LogContext.payment(p.id, p.clientName);
        // The payment's own Request-Id (the notification's is in the line's text).
        LogContext.dokuRequest(p.dokuRequestId);
        record.result = applied ? NotificationResult.DUPLICATE : apply(payment.unit(), p, report);
        return new Decision(record.result, p);
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
        return PaymentOutcome.apply(unit, payment, report, Cause.NOTIFICATION, clock.instant())
                ? NotificationResult.APPLIED : NotificationResult.OUTDATED;
    }

    private Uni<Boolean> alreadyApplied(SqlClient client, ReceivedNotification record) {
        return record.dokuRequestId == null ? Uni.createFrom().item(false)
                : rows.appliedBefore(client, record.dokuRequestId);
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
