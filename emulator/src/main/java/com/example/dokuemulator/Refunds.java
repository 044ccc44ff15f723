package com.example.dokuemulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * {@code POST /cancellation/credit-card/refund}: a VOID while the payment is not settled, a full or
 * partial refund after; either way a REFUND notification follows.
 */
final class Refunds {

    private final TransactionBook book;
    private final CardPayments payments;

    Refunds(TransactionBook book, CardPayments payments) {
        this.book = book;
        this.payments = payments;
    }

    Outcome refund(IncomingRequest request) {
        JsonNode body = request.body();
        String invoiceNumber = RequestFields.requiredText(body, "order.invoice_number", 64);
        String originalRequestId = RequestFields.requiredText(body, "payment.original_request_id", 128);
        long amount = RequestFields.requiredAmount(body, "refund.amount");
        EmulatedTransaction transaction = book.byRequestId(originalRequestId)
                .orElseThrow(() -> EmulatorRejection.invalidParameter(
                        "payment.original_request_id " + originalRequestId + " is unknown"));
        if (!transaction.terms().invoiceNumber().equals(invoiceNumber)) {
            throw EmulatorRejection.invalidParameter("order.invoice_number does not match payment.original_request_id");
        }
        TransactionSnapshot.Refund refund = transaction.refund(amount, request.requestId(), request.now());
        book.indexOperation(request.requestId(), transaction);
        TransactionSnapshot after = transaction.snapshot();

        ObjectNode answer = EmulatorJson.object();
        answer.putObject("order").put("invoice_number", invoiceNumber);
        answer.putObject("payment").put("original_request_id", originalRequestId);
        answer.putObject("refund")
                .put("amount", refund.amount())
                .put("type", refund.type())
                .put("status", "SUCCESS")
                .put("message", "VOID".equals(refund.type()) ? "VOID SUCCESS" : "REFUND SUCCESS")
                .put("approval_code", refund.approvalCode());
        Notification notification = new Notification(Operation.REFUND,
                payments.notificationUrl(transaction.terms()), invoiceNumber, "REFUND",
                "VOID".equals(refund.type()) ? EmulatedTransaction.VOIDED : EmulatedTransaction.REFUNDED,
                TransactionJson.refundNotification(after, refund));
        return Outcome.changed(answer, invoiceNumber, List.of(notification));
    }
}
