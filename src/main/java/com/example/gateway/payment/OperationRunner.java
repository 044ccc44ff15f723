package com.example.gateway.payment;

import com.example.gateway.payment.Transition.Cause;
import com.example.gateway.payment.provider.OperationAnswer;
import com.example.gateway.payment.provider.PaymentProvider;
import com.example.gateway.payment.provider.ProviderCall;
import com.example.gateway.payment.provider.ProviderOutcomeUnknown;
import com.example.gateway.payment.provider.ProviderRejected;
import com.example.gateway.support.Ids;
import com.example.gateway.support.LogContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;
import org.jboss.logging.Logger;

/**
 * The write-ahead life of a capture or refund: refused at once while DOKU's breaker for it is open;
 * then, under the payment's row lock, check the rules and store the operation PENDING with its
 * Request-Id; call DOKU outside any transaction; then, under the lock again, record the answer, or
 * UNKNOWN when none came.
 */
@ApplicationScoped
class OperationRunner {

    private static final Logger LOG = Logger.getLogger(OperationRunner.class);

    /** Checks the rules against the locked payment and its unsettled operations; returns the amount or throws. */
    interface Rules {
        long amountFor(Payment payment, List<PaymentOperation> unsettled);
    }

    record Done(Payment payment, PaymentOperation operation) {
    }

    private final PaymentProvider provider;
    private final Reconciler reconciler;
    private final Payments payments;
    private final PaymentMetrics metrics;
    private final ReconcileSchedule schedule;
    private final Clock clock;

    OperationRunner(PaymentProvider provider, Reconciler reconciler, Payments payments, PaymentMetrics metrics,
            ReconcileSchedule schedule, Clock clock) {
        this.provider = provider;
        this.schedule = schedule;
        this.reconciler = reconciler;
        this.payments = payments;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * @param idempotencyKey the caller's key, or null: an operation already stored under it (by an
     *                       attempt whose process died) is answered as it stands, and DOKU is not called again
     */
    Uni<Done> run(String client, String paymentId, PaymentOperation.Kind kind, String reason, String idempotencyKey,
            Rules rules, BiFunction<Payment, PaymentOperation, Uni<OperationAnswer>> callDoku) {
        LogContext.payment(paymentId, client);
        ProviderCall call = kind == PaymentOperation.Kind.CAPTURE ? ProviderCall.CAPTURE : ProviderCall.REFUND;
        return ProviderFailures.whileAvailable(provider, call)
                .chain(() -> reconciler.settleDoubtFirst(client, paymentId))
                .chain(() -> payments.change(paymentId, locked -> {
                    Payment payment = Payments.ownedBy(client, locked.payment());
                    PaymentOperation earlier = idempotencyKey == null ? null : locked.operationByKey(idempotencyKey);
                    if (earlier != null) {
                        return Uni.createFrom().item(new Started(new Done(payment, earlier), false));
                    }
                    PaymentOperation op = newOperation(payment, kind, rules.amountFor(payment, locked.unsettled()), reason);
                    op.idempotencyKey = idempotencyKey;
                    schedule.afterWriteAhead(payment, op.createdAt);
                    locked.add(op);
                    return Uni.createFrom().item(new Started(new Done(payment, op), true));
                }))
                .chain(started -> !started.fresh() ? Uni.createFrom().item(started.done())
                        : callDoku.apply(started.done().payment(), started.done().operation())
                                .onItemOrFailure().transformToUni((result, failure) -> record(started.done(), result, failure)));
    }

    /** A write-ahead operation and whether this request stored it (false: an earlier attempt did). */
    private record Started(Done done, boolean fresh) {
    }

    private Uni<Done> record(Done started, OperationAnswer result, Throwable failure) {
        if (failure != null && !ProviderFailures.isProviderFailure(failure)) {
            return Uni.createFrom().failure(failure);
        }
        String paymentId = started.payment().id;
        Uni<Done> recorded = payments.change(paymentId, locked -> Uni.createFrom().item(applyAnswer(locked.unit(),
                locked.payment(), locked.operation(started.operation().id), locked.unsettled(), result, failure)));
        return failure == null ? recorded
                : recorded.chain(() -> Uni.createFrom().failure(ProviderFailures.of(failure, paymentId)));
    }

    /** Under the payment's lock: DOKU's answer, or what its absence means, onto the operation and payment. */
    private Done applyAnswer(UnitOfWork unit, Payment payment, PaymentOperation op, List<PaymentOperation> unsettled,
            OperationAnswer result, Throwable failure) {
        Instant now = clock.instant();
        List<PaymentOperation> others = unsettled.stream().filter(o -> !o.id.equals(op.id)).toList();
        if (failure == null) {
            metrics.operation(op.kind, result.succeeded() ? "succeeded" : "failed", op.amount);
            metrics.moved(payment, OperationOutcome.settle(unit, payment, op, result, others, Cause.API, now));
        } else if (failure instanceof ProviderOutcomeUnknown) {
            LOG.warnf("DOKU outcome unknown for %s %s of payment %s", op.kind, op.id, payment.id);
            metrics.moved(payment, OperationOutcome.unknown(unit, payment, op, schedule, now));
        } else {
            OperationOutcome.failed(unit, op, failure instanceof ProviderRejected r ? r.errorCode() : "doku_unavailable", now);
        }
        if (payment.status != PaymentStatus.UNKNOWN && others.isEmpty() && op.status != PaymentOperation.Status.UNKNOWN) {
            schedule.done(payment);
        }
        return new Done(payment, op);
    }

    private PaymentOperation newOperation(Payment payment, PaymentOperation.Kind kind, long amount, String reason) {
        Instant now = clock.instant();
        PaymentOperation op = new PaymentOperation();
        op.id = Ids.newId(kind == PaymentOperation.Kind.CAPTURE ? "cap" : "ref");
        op.paymentId = payment.id;
        op.kind = kind;
        op.amount = amount;
        op.reason = reason;
        op.dokuRequestId = Ids.newRequestId();
        op.createdAt = now;
        op.updatedAt = now;
        return op;
    }
}
