package com.example.gateway.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** DOKU's check status answer for one transaction. */
final class StatusReports {

    private StatusReports() {
    }

    static ObjectNode of(TransactionSnapshot t) {
        ObjectNode body = EmulatorJson.object();
        body.putObject("order").put("invoice_number", t.invoiceNumber()).put("amount", t.amount());
        EmulatorJson.putText(body.putObject("customer"), "id", t.customerId());
        ObjectNode transaction = body.putObject("transaction").put("status", t.status()).put("type", t.paymentType());
        EmulatorJson.putDate(transaction, "date", t.date());
        transaction.put("original_request_id", t.originalRequestId());
        body.putObject("service").put("id", "CREDIT_CARD");
        EmulatorJson.putText(body.putObject("acquirer"), "id", t.acquirer());
        body.putObject("channel").put("id", "CREDIT_CARD");

        ObjectNode card = body.putObject("card_payment");
        EmulatorJson.putText(card, "card_masked", t.maskedCard());
        EmulatorJson.putText(card, "approval_code", t.approvalCode());
        EmulatorJson.putText(card, "response_code", t.responseCode());
        EmulatorJson.putText(card, "response_message", t.responseMessage());
        EmulatorJson.putText(card, "authorize_id", t.authorizeId());
        EmulatorJson.putText(card, "token_id", t.tokenId());
        EmulatorJson.putText(card, "brand", t.brand());
        EmulatorJson.putText(card, "issuer", t.issuer());
        EmulatorJson.putText(card, "card_type", t.cardType());

        ArrayNode captures = body.putArray("captures");
        for (TransactionSnapshot.Capture c : t.captures()) {
            ObjectNode capture = captures.addObject()
                    .put("request_id", c.requestId()).put("amount", c.amount())
                    .put("approval_code", c.approvalCode()).put("status", "SUCCESS");
            EmulatorJson.putDate(capture, "date", c.date());
        }
        ArrayNode refunds = body.putArray("refunds");
        for (TransactionSnapshot.Refund r : t.refunds()) {
            ObjectNode refund = refunds.addObject()
                    .put("request_id", r.requestId()).put("amount", r.amount()).put("type", r.type())
                    .put("approval_code", r.approvalCode()).put("status", "SUCCESS");
            EmulatorJson.putDate(refund, "date", r.date());
        }
        return body;
    }
}
