package com.example.dokuemulator;

import java.time.Instant;
import java.util.List;

/**
 * What the emulator knows about one transaction at one moment (an immutable copy).
 *
 * @param status            PENDING (page not paid yet), SUCCESS, FAILED, REFUNDED (fully), VOIDED, or as set
 *                          for tests: EXPIRED, TIMEOUT, REDIRECT
 * @param paymentType       SALE, AUTHORIZE, INSTALLMENT, MOTO or RECURRING
 * @param originalRequestId the Request-Id the payment page or charge was created with
 * @param sessionId         the payment page session, {@code null} for a charge
 * @param date              when the status last changed
 */
public record TransactionSnapshot(
        String invoiceNumber,
        long amount,
        String paymentType,
        String status,
        Instant date,
        String originalRequestId,
        String sessionId,
        String customerId,
        String maskedCard,
        String brand,
        String issuer,
        String cardType,
        String acquirer,
        String responseCode,
        String responseMessage,
        String approvalCode,
        String authorizeId,
        String tokenId,
        long capturedAmount,
        long refundedAmount,
        boolean settled,
        List<Capture> captures,
        List<Refund> refunds) {

    public record Capture(String requestId, long amount, String approvalCode, Instant date) {
    }

    /** @param type VOID, FULL_REFUND or PARTIAL_REFUND */
    public record Refund(String requestId, long amount, String type, String approvalCode, Instant date) {
    }
}
