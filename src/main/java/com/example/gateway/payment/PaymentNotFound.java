package com.example.gateway.payment;

import com.example.gateway.support.DomainException;

/** No such payment, or another client's: the two are not told apart. */
public final class PaymentNotFound extends DomainException {

    public PaymentNotFound() {
        super("Payment not found", "No payment with this id for this client");
    }
}
