package com.example.gateway.payment.provider;

/** A provider call that did not end in an answer. Messages never carry request bodies or card data. */
public abstract sealed class ProviderFailure extends RuntimeException
        permits ProviderRejected, ProviderUnavailable, ProviderOutcomeUnknown {

    protected ProviderFailure(String message) {
        super(message, null, false, false);
    }
}
