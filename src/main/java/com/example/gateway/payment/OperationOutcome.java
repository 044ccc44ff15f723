package com.example.gateway.payment;

import com.example.gateway.doku.OperationResult;
import java.time.Instant;
import java.util.List;

/**
 * Settles a capture or refund and carries its effect onto the payment: amounts first, then the
 * status those amounts describe. Used for DOKU's direct answer and for reconciliation alike.
 */
final class OperationOutcome {

    static final String VOID = "VOID";

    private OperationOutcome() {
    }

    /**
     * @param othersUnsettled the payment's other captures and refunds still PENDING or UNKNOWN
     * @return whether the payment's status changed
     */
    static boolean settle(Payment payment, PaymentOperation op, OperationResult result,
            List<PaymentOperation> othersUnsettled, Instant now) {
        op.status = result.succeeded() ? PaymentOperation.Status.SUCCEEDED : PaymentOperation.Status.FAILED;
        op.approvalCode = result.approvalCode();
        op.message = result.message();
        op.failureCode = result.succeeded() ? null : result.code();
        op.refundType = result.refundType();
        op.updatedAt = now;
        if (result.succeeded()) {
            addAmounts(payment, op);
        }
        if (result.succeeded() && VOID.equals(op.refundType)) {
            return payment.moveTo(PaymentStatus.VOIDED, now);
        }
        boolean stillInDoubt = othersUnsettled.stream().anyMatch(o -> o.status == PaymentOperation.Status.UNKNOWN);
        return !stillInDoubt && payment.moveTo(payment.statusFromAmounts(), now);
    }

    /** The answer was lost: the operation and the payment wait for reconciliation. */
    static boolean unknown(Payment payment, PaymentOperation op, Instant now) {
        op.status = PaymentOperation.Status.UNKNOWN;
        op.updatedAt = now;
        ReconcileSchedule.after(payment, ReconcileSchedule.AFTER_UNKNOWN, now);
        return payment.moveTo(PaymentStatus.UNKNOWN, now);
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
