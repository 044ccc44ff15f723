package com.example.dokuemulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** {@code POST /credit-card/capture}: captures all or part of an approved authorization. */
final class Captures {

    private final TransactionBook book;

    Captures(TransactionBook book) {
        this.book = book;
    }

    Outcome capture(IncomingRequest request) {
        JsonNode body = request.body();
        String authorizeId = RequestFields.requiredText(body, "payment.authorize_id", 64);
        Long requested = RequestFields.amount(body, "payment.capture_amount");
        EmulatedTransaction transaction = book.byAuthorizeId(authorizeId)
                .orElseThrow(() -> EmulatorRejection.invalidParameter("payment.authorize_id " + authorizeId + " is unknown"));
        TransactionSnapshot.Capture capture = transaction.capture(requested, request.requestId(), request.now());
        book.indexOperation(request.requestId(), transaction);
        TransactionSnapshot after = transaction.snapshot();

        ObjectNode answer = EmulatorJson.object();
        answer.putObject("order").put("invoice_number", after.invoiceNumber()).put("amount", after.amount());
        EmulatorJson.putText(answer.putObject("customer"), "id", after.customerId());
        answer.putObject("payment")
                .put("type", "CAPTURE")
                .put("request_id", request.requestId())
                .put("authorize_id", authorizeId)
                .put("capture_amount", capture.amount())
                .put("response_code", TestCard.APPROVED)
                .put("response_message", "CAPTURE APPROVED")
                .put("status", "SUCCESS")
                .put("approval_code", capture.approvalCode());
        return Outcome.changed(answer, after.invoiceNumber(), List.of());
    }
}
