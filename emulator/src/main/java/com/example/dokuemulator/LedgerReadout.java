package com.example.dokuemulator;

import java.util.Comparator;
import java.util.List;

/**
 * What the emulator holds, for a fault suite's invariant checks: every Request-Id it answered with
 * its effect count, and every transaction with the money it moved.
 */
public record LedgerReadout(List<Request> requests, List<Transaction> transactions) {

    /**
     * One Request-Id as the ledger holds it.
     *
     * @param status  the HTTP status first answered (replays get it back as 409)
     * @param effects how many times it changed something: 0 or 1 unless idempotency is broken
     */
    public record Request(String requestId, Operation operation, String invoiceNumber, int status, int effects) {
    }

    /**
     * One transaction's money as the emulator holds it.
     *
     * @param authorizedAmount what the acquirer approved (0 when declined or not paid)
     * @param capturedAmount   for an AUTHORIZE what was captured, for any other approved type the amount
     */
    public record Transaction(String invoiceNumber, String originalRequestId, String paymentType, String status,
            long amount, long authorizedAmount, long capturedAmount, long refundedAmount, boolean settled) {

        static Transaction of(TransactionSnapshot t) {
            boolean approved = t.approvalCode() != null;
            long authorized = approved ? t.amount() : 0;
            long captured = "AUTHORIZE".equals(t.paymentType()) ? t.capturedAmount() : authorized;
            return new Transaction(t.invoiceNumber(), t.originalRequestId(), t.paymentType(), t.status(), t.amount(),
                    authorized, captured, t.refundedAmount(), t.settled());
        }
    }

    static LedgerReadout of(List<Request> requests, List<TransactionSnapshot> transactions) {
        return new LedgerReadout(
                requests.stream().sorted(Comparator.comparing(Request::requestId)).toList(),
                transactions.stream().map(Transaction::of)
                        .sorted(Comparator.comparing(Transaction::invoiceNumber)).toList());
    }
}
