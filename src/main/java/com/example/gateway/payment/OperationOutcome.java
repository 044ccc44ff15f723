package com.example.gateway.payment;

import com.example.gateway.payment.PaymentStateMachine.OperationHappening;
import com.example.gateway.payment.Transition.Cause;
import com.example.gateway.payment.provider.OperationAnswer;
import java.time.Instant;
import java.util.List;

/**
 * Settles a capture or refund and carries its effect onto the payment: amounts first, then the
 * status those amounts describe. Used for DOKU's direct answer and for reconciliation alike.
 */
final class OperationOutcome {

    private OperationOutcome() {
    }

    /**
     * An operation already settled is left as it is: its money was counted then.
     *
     * @param othersUnsettled the payment's other captures and refunds still PENDING or UNKNOWN
     * @return whether the payment's status changed
     */
    static boolean settle(UnitOfWork unit, Payment payment, PaymentOperation op, OperationAnswer result,
            List<PaymentOperation> othersUnsettled, Cause cause, Instant now) {
        OperationHappening happened = result.succeeded() ? OperationHappening.DONE : OperationHappening.REFUSED;
        if (!PaymentStateMachine.apply(unit, op, happened, cause, now)) {
            return false;
        }
        op.approvalCode = result.approvalCode();
        op.message = result.message();
        op.failureCode = result.succeeded() ? null : result.code();
        op.refundType = result.refundType();
        if (result.succeeded()) {
            addAmounts(payment, op);
        }
        if (result.succeeded() && result.voided()) {
            return PaymentStateMachine.apply(unit, payment, PaymentStateMachine.Happening.VOIDED, cause, now);
        }
        boolean stillInDoubt = othersUnsettled.stream().anyMatch(o -> o.status == PaymentOperation.Status.UNKNOWN);
        return !stillInDoubt && PaymentStateMachine.apply(unit, payment, PaymentStateMachine.Happening.AMOUNTS_SETTLED, cause, now);
    }

    /** The answer to a call made for the API was lost: the operation and the payment wait for reconciliation. */
    static boolean unknown(UnitOfWork unit, Payment payment, PaymentOperation op, ReconcileSchedule schedule, Instant now) {
        if (!PaymentStateMachine.apply(unit, op, OperationHappening.ANSWER_LOST, Cause.API, now)) {
            return false; // reconciliation settled it meanwhile
        }
        schedule.afterUnknown(payment, now);
        return PaymentStateMachine.apply(unit, payment, PaymentStateMachine.Happening.ANSWER_LOST, Cause.API, now);
    }

    /** DOKU certainly did nothing (it rejected the call, or could not be reached). */
    static void failed(UnitOfWork unit, PaymentOperation op, String failureCode, Instant now) {
        if (PaymentStateMachine.apply(unit, op, OperationHappening.REFUSED, Cause.API, now)) {
            op.failureCode = failureCode;
        }
    }

    private static void addAmounts(Payment payment, PaymentOperation op) {
        if (op.kind == PaymentOperation.Kind.CAPTURE) {
            payment.capturedAmount = op.amount;
        } else if (payment.capturedAmount > 0) {
            // Voiding an authorization returns nothing: no money was taken.
            payment.refundedAmount += op.amount;
        }
    }
}
