package com.example.gateway.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** DOKU's card notification bodies (NOTES.md, "Card notification body"). */
final class NotificationBodies {

    private NotificationBodies() {
    }

    /** The outcome of a payment page payment or a charge. */
    static ObjectNode payment(TransactionSnapshot t) {
        ObjectNode body = common(t, t.paymentType(), t.status(), t.date());
        EmulatorJson.putText(body, "authorize_id", t.authorizeId());
        return body;
    }

    /** A void or refund: {@code transaction.type} REFUND with status VOIDED or REFUNDED. */
    static ObjectNode refund(TransactionSnapshot t, TransactionSnapshot.Refund refund) {
        String status = "VOID".equals(refund.type()) ? EmulatedTransaction.VOIDED : EmulatedTransaction.REFUNDED;
        ObjectNode body = common(t, "REFUND", status, refund.date());
        // Not in DOKU's published samples: the amount of this refund, since order.amount stays the order's.
        body.putObject("refund")
                .put("amount", refund.amount())
                .put("type", refund.type())
                .put("approval_code", refund.approvalCode())
                .put("request_id", refund.requestId());
        return body;
    }

    private static ObjectNode common(TransactionSnapshot t, String type, String status, java.time.Instant date) {
        ObjectNode body = EmulatorJson.object();
        body.putObject("order").put("invoice_number", t.invoiceNumber()).put("amount", t.amount());
        EmulatorJson.putText(body.putObject("customer"), "id", t.customerId());
        ObjectNode transaction = body.putObject("transaction").put("type", type).put("status", status);
        EmulatorJson.putDate(transaction, "date", date);
        transaction.put("original_request_id", t.originalRequestId());
        body.putObject("service").put("id", "CREDIT_CARD");
        EmulatorJson.putText(body.putObject("acquirer"), "id", t.acquirer());
        body.putObject("channel").put("id", "CREDIT_CARD");
        ObjectNode card = body.putObject("card_payment");
        EmulatorJson.putText(card, "masked_card_number", t.maskedCard());
        EmulatorJson.putText(card, "approval_code", t.approvalCode());
        EmulatorJson.putText(card, "response_code", t.responseCode());
        EmulatorJson.putText(card, "response_message", t.responseMessage());
        EmulatorJson.putText(card, "authorize_id", t.authorizeId());
        EmulatorJson.putText(card, "token_id", t.tokenId());
        EmulatorJson.putText(card, "brand", t.brand());
        EmulatorJson.putText(card, "issuer", t.issuer());
        return body;
    }
}
