package com.example.gateway.payment;

import java.time.Instant;

/** The three-d-secure resource as the API returns it. */
public record ThreeDSecureView(String id, String status, String invoiceNumber, long amount, String customerId,
        String cardToken, String authenticationUrl, String paymentId, Instant expiresAt, Instant createdAt) {

    static ThreeDSecureView of(ThreeDSecureAuthentication a, Instant now) {
        return new ThreeDSecureView(a.id, a.statusAt(now).name(), a.invoiceNumber, a.amount, a.customerId, a.cardToken,
                a.statusAt(now) == ThreeDSecureStatus.PENDING_CHALLENGE ? a.authenticationUrl : null,
                a.paymentId != null ? a.paymentId : a.usedByPaymentId,
                PaymentView.micros(a.expiresAt), PaymentView.micros(a.createdAt));
    }
}
