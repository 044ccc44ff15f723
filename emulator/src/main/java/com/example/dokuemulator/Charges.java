package com.example.dokuemulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;

/**
 * {@code POST /credit-card/charge}: a card (number, expiry, CVV) or a saved card token is charged at
 * once. A declined card is still HTTP 200, with {@code payment.status} FAILED and its response code.
 * SALE and AUTHORIZE need an authentication id from {@link ThreeDSecureIssuer} for this card and
 * amount; without a usable one the charge is refused (400) and nothing is charged.
 */
final class Charges {

    static final Set<String> PAYMENT_TYPES = Set.of("SALE", "AUTHORIZE", "MOTO", "RECURRING");
    /** The types that need 3-D Secure first; MOTO and RECURRING do not (the cardholder is not there). */
    static final Set<String> AUTHENTICATED_TYPES = Set.of("SALE", "AUTHORIZE");

    private final TransactionBook book;
    private final CardTokens tokens;
    private final CardPayments payments;
    private final ThreeDSecureIssuer issuer;

    Charges(TransactionBook book, CardTokens tokens, CardPayments payments, ThreeDSecureIssuer issuer) {
        this.book = book;
        this.tokens = tokens;
        this.payments = payments;
        this.issuer = issuer;
    }

    Outcome charge(IncomingRequest request) {
        JsonNode body = request.body();
        OrderFields order = OrderFields.read(body);
        String type = RequestFields.oneOf(body, "payment.type", PAYMENT_TYPES, null);
        if (type == null) {
            throw EmulatorRejection.invalidParameter("payment.type is mandatory");
        }
        boolean save = order.saveCardRequested(body);
        SavedCard savedCard = null;
        CardResult verdict;
        String tokenId = RequestFields.text(body, "card.token");
        if (tokenId != null && RequestFields.text(body, "card.number") == null) {
            savedCard = tokens.requireFor(tokenId, order.requireCustomerId("to pay with card.token"));
            verdict = CardResult.of(savedCard.card());
        } else {
            verdict = TestCards.judgeTyped(RequestFields.text(body, "card.number"), RequestFields.text(body, "card.expiry"),
                    RequestFields.text(body, "card.cvv"), type, request.now());
        }
        String authenticationId = RequestFields.text(body, "three_dsecure.authentication_id");
        if (AUTHENTICATED_TYPES.contains(type)) {
            issuer.use(authenticationId, body, order.amount(), request.now());
        }

        TransactionTerms terms = new TransactionTerms(Operation.CHARGE, order.invoiceNumber(), order.amount(), type,
                false, request.requestId(), order.customerId(), order.customerName(), null, null, null, save,
                RequestFields.url(body, "additional_info.override_notification_url"));
        EmulatedTransaction transaction = book.open(terms, null, request.now());
        TransactionSnapshot done = payments.complete(transaction, verdict, savedCard, request.now());
        return Outcome.changed(answer(done, request, authenticationId),
                done.invoiceNumber(), List.of(payments.paymentNotification(Operation.CHARGE, done, terms)));
    }

    /** The answer of the guide's sample, for a success and a decline alike. */
    private static ObjectNode answer(TransactionSnapshot done, IncomingRequest request, String authenticationId) {
        ObjectNode answer = EmulatorJson.object();
        answer.putObject("order").put("invoice_number", done.invoiceNumber()).put("amount", done.amount());
        EmulatorJson.putText(answer.putObject("customer"), "id", done.customerId());
        ObjectNode payment = answer.putObject("payment").put("type", done.paymentType());
        payment.putArray("identifier")
                .add(identifier("Acquirer", done.acquirer()))
                .add(identifier("MID", "EMULATOR-MID-0001"))
                .add(identifier("TID", "EMU00001"));
        payment.put("request_id", request.requestId());
        EmulatorJson.putText(payment, "authorize_id", done.authorizeId());
        payment.put("response_code", done.responseCode())
                .put("response_message", done.responseMessage())
                .put("eci", "VISA".equals(done.brand()) ? "05" : "02")
                .put("status", EmulatedTransaction.SUCCESS.equals(done.status()) ? "SUCCESS" : "FAILED");
        EmulatorJson.putText(payment, "approval_code", done.approvalCode());
        EmulatorJson.putText(answer.putObject("three_dsecure"), "authentication_id", authenticationId);
        ObjectNode card = answer.putObject("card")
                .put("masked", done.maskedCard())
                .put("type", done.cardType())
                .put("issuer", done.issuer())
                .put("brand", done.brand());
        EmulatorJson.putText(card, "token", done.tokenId());
        return answer;
    }

    private static ObjectNode identifier(String name, String value) {
        return EmulatorJson.object().put("name", name).put("value", value);
    }
}
