package com.example.gateway.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * DOKU's views of a transaction: the card notification (NOTES.md, "Card notification body") and the
 * check status answer, which share one envelope and differ in a few fields.
 */
final class TransactionJson {

    /** The two sources name the masked card differently (NOTES.md); each view uses its own. */
    private static final String NOTIFICATION_MASKED_FIELD = "masked_card_number";
    private static final String STATUS_MASKED_FIELD = "card_masked";

    private TransactionJson() {
    }

    /** The notification of a payment page payment or a charge. */
    static ObjectNode paymentNotification(TransactionSnapshot t) {
        ObjectNode body = envelope(t, t.paymentType(), t.status(), t.date(), NOTIFICATION_MASKED_FIELD);
        EmulatorJson.putText(body, "authorize_id", t.authorizeId());
        return body;
    }

    /** The notification of a void or refund: {@code transaction.type} REFUND, status VOIDED or REFUNDED. */
    static ObjectNode refundNotification(TransactionSnapshot t, TransactionSnapshot.Refund refund) {
        String status = "VOID".equals(refund.type()) ? EmulatedTransaction.VOIDED : EmulatedTransaction.REFUNDED;
        ObjectNode body = envelope(t, "REFUND", status, refund.date(), NOTIFICATION_MASKED_FIELD);
        // Not in DOKU's published samples: this refund's own amount, since order.amount stays the order's.
        body.set("refund", refundJson(refund));
        return body;
    }

    /** The check status answer, with every capture and refund so far. */
    static ObjectNode statusReport(TransactionSnapshot t) {
        ObjectNode body = envelope(t, t.paymentType(), t.status(), t.date(), STATUS_MASKED_FIELD);
        ArrayNode captures = body.putArray("captures");
        for (TransactionSnapshot.Capture c : t.captures()) {
            ObjectNode capture = captures.addObject()
                    .put("request_id", c.requestId()).put("amount", c.amount())
                    .put("approval_code", c.approvalCode()).put("status", "SUCCESS");
            EmulatorJson.putDate(capture, "date", c.date());
        }
        ArrayNode refunds = body.putArray("refunds");
        t.refunds().forEach(r -> refunds.add(refundJson(r)));
        return body;
    }

    private static ObjectNode envelope(TransactionSnapshot t, String type, String status, Instant date, String maskedField) {
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
        EmulatorJson.putText(card, maskedField, t.maskedCard());
        EmulatorJson.putText(card, "approval_code", t.approvalCode());
        EmulatorJson.putText(card, "response_code", t.responseCode());
        EmulatorJson.putText(card, "response_message", t.responseMessage());
        EmulatorJson.putText(card, "authorize_id", t.authorizeId());
        EmulatorJson.putText(card, "token_id", t.tokenId());
        EmulatorJson.putText(card, "brand", t.brand());
        EmulatorJson.putText(card, "issuer", t.issuer());
        EmulatorJson.putText(card, "type", t.cardType()); // CREDIT or DEBIT
        return body;
    }

    private static ObjectNode refundJson(TransactionSnapshot.Refund refund) {
        ObjectNode json = EmulatorJson.object()
                .put("request_id", refund.requestId())
                .put("amount", refund.amount())
                .put("type", refund.type())
                .put("approval_code", refund.approvalCode())
                .put("status", "SUCCESS");
        return EmulatorJson.putDate(json, "date", refund.date());
    }
}
