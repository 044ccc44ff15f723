package com.example.gateway.doku;

import com.example.gateway.payment.provider.ProviderOutcomeUnknown;
import com.example.gateway.payment.provider.ProviderRejected;
import com.example.gateway.payment.provider.ProviderUnavailable;

/** A failed DOKU call in the provider port's terms; anything that is not a DOKU failure passes as it is. */
final class DokuProviderFailures {

    private DokuProviderFailures() {
    }

    static Throwable of(Throwable failure) {
        if (failure instanceof DokuRejectedException rejected) {
            return new ProviderRejected(rejected.getMessage(), rejected.errorCode(), rejected.errorMessage(),
                    rejected.httpStatus() == 404);
        }
        if (failure instanceof DokuUnavailableException unavailable) {
            return new ProviderUnavailable(unavailable.getMessage(), unavailable.retryAfter().orElse(null));
        }
        if (failure instanceof DokuOutcomeUnknownException unknown) {
            return new ProviderOutcomeUnknown(unknown.getMessage());
        }
        return failure;
    }
}
