package com.example.gateway.payment;

import io.smallrye.mutiny.Uni;
import java.util.List;

/** Queries and sums over captures and refunds; callers provide the session and transaction. */
final class PaymentOperations {

    private PaymentOperations() {
    }

    /** The payment's captures and refunds, oldest first. */
    static Uni<List<PaymentOperation>> of(String paymentId) {
        return PaymentOperation.list("paymentId = ?1 order by createdAt, id", paymentId);
    }

    static Uni<List<PaymentOperation>> unsettled(String paymentId) {
        return PaymentOperation.list("paymentId = ?1 and status in ?2 order by createdAt, id", paymentId,
                List.of(PaymentOperation.Status.PENDING, PaymentOperation.Status.UNKNOWN));
    }

    /** Refunds whose outcome is not known yet: they count against the refundable amount. */
    static long refundsInFlight(List<PaymentOperation> unsettled) {
        return unsettled.stream().filter(op -> op.kind == PaymentOperation.Kind.REFUND)
                .mapToLong(op -> op.amount).sum();
    }
}
