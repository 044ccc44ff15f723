package com.example.gateway.payment.provider;

/** The calls a payment makes to its provider, each with its own circuit breaker at the provider. */
public enum ProviderCall {
    PAYMENT_PAGE,
    CHECK_THREE_D_SECURE,
    CHARGE,
    CAPTURE,
    REFUND,
    CHECK_STATUS
}
