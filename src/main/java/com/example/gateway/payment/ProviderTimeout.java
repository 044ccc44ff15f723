package com.example.gateway.payment;

import com.example.gateway.support.DomainException;

/** The provider's answer never came: the outcome is unknown, and the payment (if any) is kept for reconciliation. */
public final class ProviderTimeout extends DomainException {

    private final String paymentId;

    public ProviderTimeout(String paymentId) {
        super("DOKU did not answer", "The outcome is unknown; the payment will be reconciled");
        this.paymentId = paymentId;
    }

    /** The payment kept as UNKNOWN; null when the call concerned no payment. */
    public String paymentId() {
        return paymentId;
    }
}
