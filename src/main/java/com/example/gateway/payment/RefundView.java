package com.example.gateway.payment;

import java.time.Instant;

/** A refund (or void) as API.md shows it; {@code type} is DOKU's, null until DOKU has answered. */
public record RefundView(String id, String paymentId, long amount, String type, String status, String approvalCode,
        String message, String reason, Instant createdAt) {

    public static RefundView of(PaymentOperation op) {
        return new RefundView(op.id, op.paymentId, op.amount, op.refundType, op.status.name(), op.approvalCode,
                op.message, op.reason, PaymentView.micros(op.createdAt));
    }
}
