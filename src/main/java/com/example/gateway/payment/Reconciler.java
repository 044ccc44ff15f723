package com.example.gateway.payment;

import com.example.gateway.payment.Transition.Cause;
import com.example.gateway.payment.provider.OperationAnswer;
import com.example.gateway.payment.provider.PaymentProvider;
import com.example.gateway.payment.provider.ProviderRejected;
import com.example.gateway.support.Ids;
import com.example.gateway.support.LogContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.BiPredicate;
import org.jboss.logging.Logger;

/**
 * Settles what the gateway does not know by asking DOKU's check status: a payment whose own
 * transaction is PENDING or UNKNOWN, and captures or refunds whose answer never came. Each answer is
 * applied under the payment's row lock by the same rules as a direct answer or a notification.
 */
@ApplicationScoped
public class Reconciler {

    private static final Logger LOG = Logger.getLogger(Reconciler.class);

    private final PaymentProvider provider;
    private final Payments payments;
    private final PaymentMetrics metrics;
    private final MeterRegistry meters;
    private final ReconcileSchedule schedule;
    private final ThreeDSecureAuthentications authentications;
    private final Clock clock;

    Reconciler(PaymentProvider provider, Payments payments, PaymentMetrics metrics, MeterRegistry meters,
            ReconcileSchedule schedule, ThreeDSecureAuthentications authentications, Clock clock) {
        this.authentications = authentications;
        this.schedule = schedule;
        this.provider = provider;
        this.payments = payments;
        this.metrics = metrics;
        this.meters = meters;
        this.clock = clock;
    }

    /** Before a capture or refund of an UNKNOWN payment: it is reconciled first, and refused if still in doubt. */
    Uni<Void> settleDoubt(String paymentId) {
        return reconcile(paymentId).invoke(settled -> {
            if (settled.status == PaymentStatus.UNKNOWN) {
                throw InvalidPaymentState.outcomeUnknown();
            }
        }).replaceWithVoid();
    }

    /** One reconciliation pass over a payment; answers the payment as it then stands. */
    public Uni<Payment> reconcile(String paymentId) {
        return payments.withUnsettled(paymentId)
                .chain(snapshot -> {
                    LogContext.payment(paymentId, snapshot.payment().clientName);
                    Uni<Void> own = snapshot.payment().status == PaymentStatus.REQUIRES_AUTHENTICATION
                            ? authentications.expireIfLapsed(paymentId)
                            : ownTransactionOpen(snapshot) ? checkOwn(snapshot.payment()) : Uni.createFrom().voidItem();
                    return own.chain(() -> Multi.createFrom().iterable(snapshot.operations())
                                    .onItem().transformToUniAndConcatenate(this::checkOperation)
                                    .collect().last())
                            .chain(() -> reschedule(paymentId));
                });
    }

    /** @param s the payment with its unsettled captures and refunds */
    private static boolean ownTransactionOpen(Payments.Details s) {
        Payment p = s.payment();
        // AUTHORIZED too: DOKU may have released the authorization (check status says EXPIRED).
        return p.status == PaymentStatus.PENDING
                || (p.status == PaymentStatus.UNKNOWN || p.status == PaymentStatus.AUTHORIZED) && s.operations().isEmpty();
    }

    private Uni<Void> checkOwn(Payment payment) {
        if (payment.paymentPageUrl == null && payment.pageRequest != null) {
            return reopenPage(payment);
        }
        return provider.checkPayment(Ids.newRequestId(), payment.dokuRequestId)
                .onItemOrFailure().transformToUni((report, failure) -> {
                    if (failure == null) {
                        return underLock(payment.id, (unit, p) -> PaymentOutcome.apply(unit, p, report, Cause.RECONCILIATION, clock.instant()));
                    }
                    if (isNotFound(failure) && neverArrived(payment.createdAt)
                            && (payment.status == PaymentStatus.UNKNOWN || payment.paymentPageUrl == null)) {
                        return underLock(payment.id, (unit, p) -> {
                            p.failureCode = "not_found_at_doku";
                            p.failureMessage = "DOKU has no record of this payment";
                            return happened(unit, p, PaymentStateMachine.Happening.DECLINED);
                        });
                    }
                    return unanswered(payment.id, failure);
                });
    }

    /**
     * A payment page whose creation answer was lost: the same request under the same Request-Id makes
     * DOKU replay its original answer (or, if it never arrived, create the page now), so the URL is
     * recovered and the payment is PENDING again rather than holding its invoice with no page.
     */
    private Uni<Void> reopenPage(Payment payment) {
        return provider.createPaymentPage(payment.dokuRequestId, payment.pageRequest)
                .onItemOrFailure().transformToUni((url, failure) -> failure != null ? unanswered(payment.id, failure)
                        : underLock(payment.id, (unit, p) -> {
                            p.pageOpened(unit, url, Cause.RECONCILIATION, clock.instant());
                            schedule.afterPageOpened(p, clock.instant());
                            return happened(unit, p, PaymentStateMachine.Happening.STILL_PAYING);
                        }));
    }

    private Uni<Void> checkOperation(PaymentOperation op) {
        if (op.status == PaymentOperation.Status.PENDING && !neverArrived(op.createdAt)) {
            return Uni.createFrom().voidItem(); // its own request may still be running
        }
        return provider.checkOperation(Ids.newRequestId(), op.dokuRequestId)
                .onItemOrFailure().transformToUni((answer, failure) -> {
                    OperationAnswer result = failure == null ? answer // null: still processing
                            : isNotFound(failure) && neverArrived(op.createdAt)
                                    ? new OperationAnswer(false, false, null, null, "not_found_at_doku",
                                            "DOKU has no record of this operation")
                                    : null;
                    if (result == null) {
                        return failure == null ? Uni.createFrom().voidItem() : unanswered(op.paymentId, failure);
                    }
                    return settleOperation(op.id, op.paymentId, result);
                });
    }

    private Uni<Void> settleOperation(String opId, String paymentId, OperationAnswer result) {
        return payments.withLockedPayment(paymentId, (unit, payment, unsettled) -> {
            unsettled.stream().filter(o -> o.id.equals(opId)).findFirst().ifPresent(op -> {
                List<PaymentOperation> others = unsettled.stream().filter(o -> o != op).toList();
                metrics.operation(op.kind, result.succeeded() ? "succeeded" : "failed", op.amount);
                metrics.moved(payment, OperationOutcome.settle(unit, payment, op, result, others, Cause.RECONCILIATION,
                        clock.instant()));
                count("settled");
            });
            return Uni.createFrom().voidItem();
        });
    }

    private boolean happened(UnitOfWork unit, Payment payment, PaymentStateMachine.Happening happening) {
        return PaymentStateMachine.apply(unit, payment, happening, Cause.RECONCILIATION, clock.instant());
    }

    private Uni<Void> underLock(String paymentId, BiPredicate<UnitOfWork, Payment> change) {
        return payments.update(paymentId, (unit, p) -> {
            boolean moved = change.test(unit, p);
            metrics.moved(p, moved);
            count(moved ? "settled" : "unchanged");
        }).replaceWithVoid();
    }

    /** Reconciliation keeps its schedule: asks again later while anything is open, stops when nothing is. */
    private Uni<Payment> reschedule(String paymentId) {
        return payments.withLockedPayment(paymentId, (unit, payment, unsettled) -> {
            if (payment.status == PaymentStatus.REQUIRES_AUTHENTICATION) {
                return Uni.createFrom().item(payment); // asked again when its authentication expires
            }
            boolean open = payment.status == PaymentStatus.PENDING || payment.status == PaymentStatus.UNKNOWN
                    || !unsettled.isEmpty();
            if (open) {
                schedule.retryLater(payment, clock.instant());
            } else {
                schedule.done(payment);
            }
            return Uni.createFrom().item(payment);
        });
    }

    private Uni<Void> unanswered(String paymentId, Throwable failure) {
        LOG.warnf("Check status for payment %s did not settle it: %s", paymentId, failure.getMessage());
        count("doku_error");
        return Uni.createFrom().voidItem();
    }

    private boolean neverArrived(Instant sentAt) {
        return schedule.neverArrived(sentAt, clock.instant());
    }

    private static boolean isNotFound(Throwable failure) {
        return failure instanceof ProviderRejected rejected && rejected.notFound();
    }

    private void count(String outcome) {
        meters.counter("gateway.reconciliations", "outcome", outcome).increment();
    }
}
