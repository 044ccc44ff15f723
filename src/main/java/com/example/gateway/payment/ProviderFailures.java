package com.example.gateway.payment;

import com.example.gateway.payment.provider.PaymentProvider;
import com.example.gateway.payment.provider.ProviderCall;
import com.example.gateway.payment.provider.ProviderFailure;
import com.example.gateway.payment.provider.ProviderOutcomeUnknown;
import com.example.gateway.payment.provider.ProviderRejected;
import com.example.gateway.payment.provider.ProviderUnavailable;
import com.example.gateway.support.DomainException;
import io.smallrye.mutiny.Uni;

/** What a failed provider call means to the caller, the same for payments, captures, refunds and tokens. */
public final class ProviderFailures {

    private ProviderFailures() {
    }

    /** @param paymentId the payment the call was for, or null */
    public static DomainException of(Throwable failure, String paymentId) {
        if (failure instanceof ProviderRejected rejected) {
            return new RejectedByProvider(rejected.errorCode() + ": " + rejected.errorMessage());
        }
        if (failure instanceof ProviderUnavailable unavailable) {
            return new ProviderUnreachable(unavailable.retryAfter().orElse(null));
        }
        if (failure instanceof ProviderOutcomeUnknown) {
            return new ProviderTimeout(paymentId);
        }
        throw new IllegalArgumentException("not a provider failure", failure);
    }

    /**
     * Fails with {@link ProviderUnreachable} while the breaker of {@code call} is open: checked before
     * anything is written for a provider call, so that the refusal is immediate and leaves no row behind.
     */
    public static Uni<Void> whileAvailable(PaymentProvider provider, ProviderCall call) {
        return provider.available(call).onFailure(ProviderUnavailable.class).transform(failure -> of(failure, null));
    }

    public static boolean isProviderFailure(Throwable failure) {
        return failure instanceof ProviderFailure;
    }

    /**
     * A failed check 3-D Secure moved no money: the provider's refusal (or an open breaker) as it is, anything
     * else (an answer lost, a timeout) is "try again", never "outcome unknown".
     */
    static DomainException ofCheck(Throwable failure) {
        return failure instanceof ProviderRejected || failure instanceof ProviderUnavailable
                ? of(failure, null) : new ProviderUnreachable(null);
    }
}
