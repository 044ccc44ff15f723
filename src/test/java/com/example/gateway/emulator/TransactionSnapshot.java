package com.example.gateway.emulator;

import java.time.Instant;
import java.util.List;

/** A transaction as the emulator holds it: {@code GET /control/transactions/{invoice or Request-Id}}. */
public record TransactionSnapshot(String invoiceNumber, long amount, String paymentType, String status, Instant date,
        String originalRequestId, String sessionId, String customerId, String maskedCard, String brand,
        String issuer, String cardType, String acquirer, String responseCode, String responseMessage,
        String approvalCode, String authorizeId, String tokenId, long capturedAmount, long refundedAmount,
        boolean settled, List<Capture> captures, List<Refund> refunds) {

    public record Capture(String requestId, long amount, String approvalCode, Instant date) {
    }

    public record Refund(String requestId, long amount, String type, String approvalCode, Instant date) {
    }
}
