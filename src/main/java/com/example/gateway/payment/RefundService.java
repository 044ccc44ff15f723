package com.example.gateway.payment;

import com.example.gateway.payment.provider.PaymentProvider;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Refunds a captured payment (DOKU decides VOID, FULL_REFUND or PARTIAL_REFUND) or voids an
 * authorization in full. The refundable amount counts refunds still in flight, and the payment's
 * row lock makes concurrent requests take turns, so together they can never exceed it.
 */
@ApplicationScoped
public class RefundService {

    private final OperationRunner runner;
    private final PaymentProvider provider;

    RefundService(OperationRunner runner, PaymentProvider provider) {
        this.runner = runner;
        this.provider = provider;
    }

    public Uni<PaymentOperation> refund(String client, String paymentId, long amount, String reason,
            String idempotencyKey) {
        return runner.run(client, paymentId, PaymentOperation.Kind.REFUND, reason, idempotencyKey,
                        (payment, unsettled) -> checkedAmount(payment, unsettled, amount),
                        (payment, op) -> provider.refund(op.dokuRequestId, payment.invoiceNumber, payment.dokuRequestId, op.amount))
                .map(OperationRunner.Done::operation);
    }

    private static long checkedAmount(Payment payment, List<PaymentOperation> unsettled, long amount) {
        switch (payment.status) {
            case AUTHORIZED -> {
                if (!unsettled.isEmpty() || amount != payment.authorizedAmount) {
                    throw AmountExceedsRefundable.voidOfLessThan(payment.authorizedAmount);
                }
            }
            // REFUNDED too: nothing is left, so any amount exceeds what is refundable.
            case SUCCEEDED, PARTIALLY_REFUNDED, REFUNDED -> {
                long refundable = payment.refundable(PaymentOperations.refundsInFlight(unsettled));
                if (amount > refundable) {
                    throw AmountExceedsRefundable.atMost(refundable);
                }
            }
            default -> throw InvalidPaymentState.notRefundable(payment.status);
        }
        return amount;
    }
}
