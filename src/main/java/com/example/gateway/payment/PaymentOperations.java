package com.example.gateway.payment;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Queries over captures and refunds; callers provide the session and transaction. */
@ApplicationScoped
public class PaymentOperations {

    public Uni<List<PaymentOperation>> unsettled(String paymentId) {
        return PaymentOperation.list("paymentId = ?1 and status in ?2 order by createdAt, id", paymentId,
                List.of(PaymentOperation.Status.PENDING, PaymentOperation.Status.UNKNOWN));
    }

    /** Refunds whose outcome is not known yet: they count against the refundable amount. */
    public static long refundsInFlight(List<PaymentOperation> unsettled) {
        return unsettled.stream().filter(op -> op.kind == PaymentOperation.Kind.REFUND)
                .mapToLong(op -> op.amount).sum();
    }
}
