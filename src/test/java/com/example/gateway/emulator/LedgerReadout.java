package com.example.gateway.emulator;

import java.util.List;

/** Every Request-Id the emulator answered and every transaction's money: {@code GET /control/ledger}. */
public record LedgerReadout(List<Request> requests, List<Transaction> transactions) {

    public record Request(String requestId, EmulatorOperation operation, String invoiceNumber, int status, int effects) {
    }

    public record Transaction(String invoiceNumber, String originalRequestId, String paymentType, String status,
            long amount, long authorizedAmount, long capturedAmount, long refundedAmount, boolean settled) {
    }
}
