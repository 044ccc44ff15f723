package com.example.gateway.doku;

import com.example.gateway.payment.NewPayment;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** DOKU's charge-after-3-D-Secure request (cards-charge-api.txt). Holds card data: never logged. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ChargeBody(Order order, DokuJson.Customer customer, ThreeDsecure threeDsecure, Payment payment, DokuJson.Card card) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Order(long amount, String invoiceNumber, List<DokuJson.LineItem> lineItems) {
    }

    record ThreeDsecure(String authenticationId) {
    }

    record Payment(String type) {
    }

    static ChargeBody from(NewPayment p) {
        NewPayment.Card card = p.card();
        return new ChargeBody(
                new Order(p.amount(), p.invoiceNumber(), DokuJson.lineItems(p.lineItems())),
                DokuJson.customer(p.customer()),
                p.threeDSecureAuthenticationId() == null ? null : new ThreeDsecure(p.threeDSecureAuthenticationId()),
                new Payment(p.paymentType().name()),
                new DokuJson.Card(card.number(), card.expiry(), card.cvv(), card.token(), card.save() ? true : null));
    }

    @Override
    public String toString() {
        return "ChargeBody[redacted]";
    }
}
