package com.example.gateway.payment;

import com.example.gateway.payment.provider.PaymentProvider;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;

/** Captures an authorization, in full or in part, within DOKU's 7-day window. */
@ApplicationScoped
public class CaptureService {

    private final OperationRunner runner;
    private final PaymentProvider provider;
    private final Clock clock;

    CaptureService(OperationRunner runner, PaymentProvider provider, Clock clock) {
        this.runner = runner;
        this.provider = provider;
        this.clock = clock;
    }

    /** @param amount null captures the whole authorized amount */
    public Uni<Payment> capture(String client, String paymentId, Long amount, String idempotencyKey) {
        return runner.run(client, paymentId, PaymentOperation.Kind.CAPTURE, null, idempotencyKey,
                        (payment, unsettled) -> checkedAmount(payment, unsettled, amount),
                        (payment, op) -> provider.capture(op.dokuRequestId, payment.authorizeId,
                                op.amount == payment.authorizedAmount ? null : op.amount))
                .map(OperationRunner.Done::payment);
    }

    private long checkedAmount(Payment payment, List<PaymentOperation> unsettled, Long requested) {
        if (payment.status == PaymentStatus.EXPIRED
                || payment.status == PaymentStatus.AUTHORIZED && !clock.instant().isBefore(payment.captureDeadline)) {
            throw new AuthorizationExpired(payment.captureDeadline);
        }
        if (payment.status != PaymentStatus.AUTHORIZED || !unsettled.isEmpty()) {
            throw InvalidPaymentState.notCapturable(payment.status);
        }
        long amount = requested == null ? payment.authorizedAmount : requested;
        if (amount > payment.authorizedAmount) {
            throw new AmountExceedsAuthorized(payment.authorizedAmount);
        }
        return amount;
    }
}
