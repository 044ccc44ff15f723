package com.example.gateway.payment.provider;

/** The call may have reached the provider but no answer came back: only a status check can tell. */
public final class ProviderOutcomeUnknown extends ProviderFailure {

    public ProviderOutcomeUnknown(String message) {
        super(message);
    }
}
