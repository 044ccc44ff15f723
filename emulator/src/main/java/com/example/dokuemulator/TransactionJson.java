package com.example.dokuemulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * DOKU's views of a transaction: the card notification (NOTES.md, "Card notification body") and the
 * check status answer, which share one envelope and differ in a few fields. A capture or refund is
 * reported in the same envelope with {@code transaction.type} CAPTURE or REFUND, its own status,
 * date and approval code, and a {@code capture} or {@code refund} object with its amount.
 */
final class TransactionJson {

    /** The two sources name the masked card differently (NOTES.md); each view uses its own. */
    private static final String NOTIFICATION_MASKED_FIELD = "masked_card_number";
    private static final String STATUS_MASKED_FIELD = "card_masked";

    private TransactionJson() {
    }

    /** The notification of a payment page payment or a charge. */
    static ObjectNode paymentNotification(TransactionSnapshot t) {
        ObjectNode body = envelope(t, t.paymentType(), t.status(), t.date(), t.approvalCode(), NOTIFICATION_MASKED_FIELD);
        EmulatorJson.putText(body, "authorize_id", t.authorizeId());
        return body;
    }

    /** The notification of a void or refund: {@code transaction.type} REFUND, status VOIDED or REFUNDED. */
    static ObjectNode refundNotification(TransactionSnapshot t, TransactionSnapshot.Refund refund) {
        return refundView(t, refund, NOTIFICATION_MASKED_FIELD);
    }

    /** The check status answer for the payment, with every capture and refund so far. */
    static ObjectNode statusReport(TransactionSnapshot t) {
        ObjectNode body = envelope(t, t.paymentType(), t.status(), t.date(), t.approvalCode(), STATUS_MASKED_FIELD);
        EmulatorJson.putText(body, "authorize_id", t.authorizeId());
        ArrayNode captures = body.putArray("captures");
        t.captures().forEach(c -> captures.add(captureJson(c)));
        ArrayNode refunds = body.putArray("refunds");
        t.refunds().forEach(r -> refunds.add(refundJson(r)));
        return body;
    }

    /** The check status answer asked with the Request-Id of one of the transaction's captures or refunds. */
    static ObjectNode operationStatusReport(TransactionSnapshot t, String operationRequestId) {
        for (TransactionSnapshot.Capture capture : t.captures()) {
            if (capture.requestId().equals(operationRequestId)) {
                ObjectNode body = envelope(t, "CAPTURE", EmulatedTransaction.SUCCESS, capture.date(),
                        capture.approvalCode(), STATUS_MASKED_FIELD);
                body.set("capture", captureJson(capture));
                return body;
            }
        }
        return t.refunds().stream().filter(refund -> refund.requestId().equals(operationRequestId)).findFirst()
                .map(refund -> refundView(t, refund, STATUS_MASKED_FIELD))
                .orElseThrow(() -> new IllegalArgumentException("no capture or refund " + operationRequestId));
    }

    private static ObjectNode refundView(TransactionSnapshot t, TransactionSnapshot.Refund refund, String maskedField) {
        String status = "VOID".equals(refund.type()) ? EmulatedTransaction.VOIDED : EmulatedTransaction.REFUNDED;
        ObjectNode body = envelope(t, "REFUND", status, refund.date(), refund.approvalCode(), maskedField);
        // Not in DOKU's published samples: this refund's own amount, since order.amount stays the order's.
        body.set("refund", refundJson(refund));
        return body;
    }

    private static ObjectNode envelope(TransactionSnapshot t, String type, String status, Instant date,
            String approvalCode, String maskedField) {
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
        EmulatorJson.putText(card, "approval_code", approvalCode);
        EmulatorJson.putText(card, "response_code", t.responseCode());
        EmulatorJson.putText(card, "response_message", t.responseMessage());
        EmulatorJson.putText(card, "authorize_id", t.authorizeId());
        EmulatorJson.putText(card, "token_id", t.tokenId());
        EmulatorJson.putText(card, "brand", t.brand());
        EmulatorJson.putText(card, "issuer", t.issuer());
        EmulatorJson.putText(card, "type", t.cardType()); // CREDIT or DEBIT
        return body;
    }

    private static ObjectNode captureJson(TransactionSnapshot.Capture capture) {
        ObjectNode json = EmulatorJson.object()
                .put("request_id", capture.requestId())
                .put("amount", capture.amount())
                .put("approval_code", capture.approvalCode())
                .put("status", "SUCCESS");
        return EmulatorJson.putDate(json, "date", capture.date());
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
