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
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The write-ahead life of a capture or refund: refused at once while DOKU's breaker for it is open;
 * then check the rules against the payment and store the operation PENDING with its Request-Id; call DOKU
 * outside any transaction; then record the answer, or UNKNOWN when none came. Both writes are one statement
 * each when nothing else touched the payment meanwhile, and a change under its row lock otherwise
 * ({@link Payments#changeUnlessMoved}): concurrent requests on one payment still take turns.
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
        Function<LockedPayment, Uni<Started>> writeAhead = locked -> {
            Payments.ownedBy(client, locked.payment());
            PaymentOperation earlier = idempotencyKey == null ? null : locked.operationByKey(idempotencyKey);
            if (earlier != null) {
                return Uni.createFrom().item(new Started(locked, earlier, false));
            }
            long amount = rules.amountFor(locked.payment(), locked.unsettled());
            PaymentOperation op = newOperation(locked.payment(), kind, amount, reason);
            op.idempotencyKey = idempotencyKey;
            schedule.afterWriteAhead(locked.payment(), op.createdAt);
            locked.add(op);
            return Uni.createFrom().item(new Started(locked, op, true));
        };
        return ProviderFailures.whileAvailable(provider, call)
                .chain(() -> payments.details(client, paymentId))
                .chain(read -> read.payment().status == PaymentStatus.UNKNOWN
                        ? reconciler.settleDoubt(paymentId).chain(() -> payments.change(paymentId, writeAhead))
                        : payments.changeUnlessMoved(read, writeAhead))
                .chain(started -> !started.fresh() ? Uni.createFrom().item(started.done())
                        : callDoku.apply(started.written().payment(), started.operation())
                                .onItemOrFailure().transformToUni((result, failure) -> record(started, result, failure)));
    }

    /**
     * A capture or refund and the payment as the write-ahead left them ({@code written}), and whether this request
     * stored it (false: an earlier attempt did).
     */
    private record Started(LockedPayment written, PaymentOperation operation, boolean fresh) {

        Done done() {
            return new Done(written.payment(), operation);
        }
    }

    /**
     * DOKU's answer recorded: {@code outcome} is DOKU's ("succeeded", "failed"), null when none came; {@code moved}
     * whether the payment's status changed. Counted once the run that made it is stored.
     */
    private record Answered(Done done, String outcome, boolean moved) {
    }

    private Uni<Done> record(Started started, OperationAnswer result, Throwable failure) {
        if (failure != null && !ProviderFailures.isProviderFailure(failure)) {
            return Uni.createFrom().failure(failure);
        }
        PaymentOperation operation = started.operation();
        // Usually nothing touched the payment since the write-ahead: then this is one statement.
        Uni<Done> recorded = payments.changeUnlessMoved(started.written().details(),
                        locked -> Uni.createFrom().item(applyAnswer(locked, operation.id, result, failure)))
                .invoke(this::count)
                .map(Answered::done);
        return failure == null ? recorded
                : recorded.chain(() -> Uni.createFrom().failure(ProviderFailures.of(failure, operation.paymentId)));
    }

    /** DOKU's answer, or what its absence means, onto the operation and payment; may run twice, so counts nothing. */
    private Answered applyAnswer(LockedPayment locked, String operationId, OperationAnswer result, Throwable failure) {
        Instant now = clock.instant();
        Payment payment = locked.payment();
        PaymentOperation op = locked.operation(operationId);
        UnitOfWork unit = locked.unit();
        List<PaymentOperation> others = locked.unsettled().stream().filter(o -> !o.id.equals(op.id)).toList();
        String outcome = null;
        boolean moved = false;
        if (failure == null) {
            outcome = result.succeeded() ? "succeeded" : "failed";
            moved = OperationOutcome.settle(unit, payment, op, result, others, Cause.API, now);
        } else if (failure instanceof ProviderOutcomeUnknown) {
            LOG.warnf("DOKU outcome unknown for %s %s of payment %s", op.kind, op.id, payment.id);
            moved = OperationOutcome.unknown(unit, payment, op, schedule, now);
        } else {
            OperationOutcome.failed(unit, op, failure instanceof ProviderRejected r ? r.errorCode() : "doku_unavailable", now);
        }
        if (payment.status != PaymentStatus.UNKNOWN && others.isEmpty() && op.status != PaymentOperation.Status.UNKNOWN) {
            schedule.done(payment);
        }
        return new Answered(new Done(payment, op), outcome, moved);
    }

    private void count(Answered answered) {
        PaymentOperation op = answered.done().operation();
        if (answered.outcome() != null) {
            metrics.operation(op.kind, answered.outcome(), op.amount);
        }
        metrics.moved(answered.done().payment(), answered.moved());
    }

    private PaymentOperation newOperation(Payment payment, PaymentOperation.Kind kind, long amount, String reason) {
        // To the microsecond, as PostgreSQL keeps it: the answer is recorded on this object as written.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
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
