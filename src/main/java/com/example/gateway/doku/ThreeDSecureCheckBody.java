package com.example.gateway.doku;

import com.example.gateway.payment.provider.ThreeDSecureCheck;
import com.fasterxml.jackson.annotation.JsonInclude;

/** DOKU's check 3-D Secure request (NOTES.md, "3-D Secure in the host-to-host flow"). Holds card data: never logged. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ThreeDSecureCheckBody(Order order, Customer customer, BodyParts.Card card, ThreeDsecure threeDsecure) {

    record Order(long amount, String invoiceNumber) {
    }

    record Customer(String id) {
    }

    record ThreeDsecure(String callbackUrlSuccess, String callbackUrlFailed) {
    }

    static ThreeDSecureCheckBody from(ThreeDSecureCheck c) {
        return new ThreeDSecureCheckBody(new Order(c.amount(), c.invoiceNumber()),
                c.customerId() == null ? null : new Customer(c.customerId()), BodyParts.Card.of(c.card()),
                new ThreeDsecure(c.callbackUrlSuccess(), c.callbackUrlFailed()));
    }

    @Override
    public String toString() {
        return "ThreeDSecureCheckBody[redacted]";
    }
}
