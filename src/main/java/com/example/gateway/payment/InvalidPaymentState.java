package com.example.gateway.payment;

import com.example.gateway.support.DomainException;

/** The payment's status does not allow what was asked; DOKU is not called. */
public final class InvalidPaymentState extends DomainException {

    private InvalidPaymentState(String title, String detail) {
        super(title, detail);
    }

    public static InvalidPaymentState notCapturable(PaymentStatus status) {
        return new InvalidPaymentState("Payment cannot be captured",
                "Only an AUTHORIZED payment with no operation in progress can be captured; it is " + status);
    }

    public static InvalidPaymentState notRefundable(PaymentStatus status) {
        return new InvalidPaymentState("Payment cannot be refunded",
                "Only captured or authorized payments can be refunded; it is " + status);
    }

    public static InvalidPaymentState outcomeUnknown() {
        return new InvalidPaymentState("Payment outcome unknown",
                "DOKU has not yet confirmed an earlier operation on this payment; try again later");
    }
}
