package com.example.gateway.doku;

import com.example.gateway.payment.provider.ChargeRequest;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** DOKU's charge-after-3-D-Secure request (cards-charge-api.txt). Holds card data: never logged. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ChargeBody(Order order, BodyParts.Customer customer, ThreeDsecure threeDsecure, Payment payment,
        BodyParts.Card card) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Order(long amount, String invoiceNumber, List<BodyParts.LineItem> lineItems) {
    }

    record ThreeDsecure(String authenticationId) {
    }

    record Payment(String type) {
    }

    static ChargeBody from(ChargeRequest r) {
        return new ChargeBody(
                new Order(r.order().amount(), r.order().invoiceNumber(), BodyParts.LineItem.of(r.order().lineItems())),
                BodyParts.Customer.of(r.customer()),
                r.threeDSecureAuthenticationId() == null ? null : new ThreeDsecure(r.threeDSecureAuthenticationId()),
                new Payment(r.paymentType()),
                BodyParts.Card.of(r.card()));
    }

    @Override
    public String toString() {
        return "ChargeBody[redacted]";
    }
}
