package com.example.gateway.api;

import com.example.gateway.payment.NewPayment;
import com.example.gateway.payment.NewThreeDSecure;
import com.example.gateway.support.CardNumbers;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Validates the body of {@code POST /v1/three-d-secure} and maps it to a {@link NewThreeDSecure}: a card
 * (number and expiry; the CVV belongs to the charge) or a customer's saved-card token, the amount and
 * invoice, and where the customer's browser returns. Every invalid field is reported at once; messages
 * never contain submitted values.
 */
final class ThreeDSecureRequestReader {

    private static final String[] FIELDS = {"invoice_number", "amount", "customer_id", "card", "return_url", "failed_url"};

    private ThreeDSecureRequestReader() {
    }

    static NewThreeDSecure read(JsonNode json) {
        JsonFieldReader body = JsonFieldReader.root(json, FIELDS);
        if (!body.isPresent()) {
            body.throwIfInvalid();
        }
        String invoiceNumber = body.required("invoice_number").text(1, 64, PaymentRequestReader.PRINTABLE_ASCII.asMatchPredicate(),
                "must contain printable ASCII characters only");
        Long amount = body.required("amount").money();
        JsonFieldReader cardField = body.required("card");
        JsonFieldReader card = cardField.object("number", "expiry", "token");
        boolean byToken = card.field("token").isPresent();
        String customerId = body.field("customer_id")
                .requireWhen(byToken, "is required with card.token")
                .text(1, CustomerIds.MAX_LENGTH);
        NewPayment.Card parsedCard = null;
        if (byToken) {
            for (String name : new String[] {"number", "expiry"}) {
                card.field(name).forbidWhen(true, "must not be sent together with card.token");
            }
            parsedCard = new NewPayment.Card(null, null, null, card.field("token").text(1, 256), false);
        } else if (card.isPresent()) {
            JsonFieldReader numberField = card.required("number");
            String number = numberField.matching(PaymentRequestReader.CARD_NUMBER, "must be 12 to 19 digits");
            if (number != null && !CardNumbers.passesLuhnCheck(number)) {
                numberField.reject("is not a valid card number");
            }
            String expiry = card.required("expiry").matching(PaymentRequestReader.EXPIRY, "must be MMYY with a month from 01 to 12");
            parsedCard = new NewPayment.Card(number, expiry, null, null, false);
        }
        String returnUrl = PaymentRequestReader.webUrl(body.required("return_url"));
        String failedUrl = PaymentRequestReader.webUrl(body.field("failed_url"));
        body.throwIfInvalid();
        return new NewThreeDSecure(invoiceNumber, amount,
                customerId == null ? null : new NewPayment.Customer(customerId, null, null, null, null, null),
                parsedCard, returnUrl, failedUrl);
    }
}
