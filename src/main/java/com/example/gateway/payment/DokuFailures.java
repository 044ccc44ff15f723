package com.example.gateway.payment;

import com.example.gateway.payment.provider.PaymentProvider;
import com.example.gateway.payment.provider.ProviderCall;
import com.example.gateway.payment.provider.ProviderFailure;
import com.example.gateway.payment.provider.ProviderOutcomeUnknown;
import com.example.gateway.payment.provider.ProviderRejected;
import com.example.gateway.payment.provider.ProviderUnavailable;
import com.example.gateway.support.DomainException;
import io.smallrye.mutiny.Uni;

/** What a failed DOKU call means to the caller, the same for payments, captures, refunds and tokens. */
public final class DokuFailures {

    private DokuFailures() {
    }

    /** @param paymentId the payment the call was for, or null */
    public static DomainException of(Throwable failure, String paymentId) {
        if (failure instanceof ProviderRejected rejected) {
            return new DokuRejected(rejected.errorCode() + ": " + rejected.errorMessage());
        }
        if (failure instanceof ProviderUnavailable unavailable) {
            return new DokuUnavailable(unavailable.retryAfter().orElse(null));
        }
        if (failure instanceof ProviderOutcomeUnknown) {
            return new DokuTimeout(paymentId);
        }
        throw new IllegalArgumentException("not a DOKU failure", failure);
    }

    /**
     * Fails with {@link DokuUnavailable} while the breaker of {@code call} is open: checked before
     * anything is written for a DOKU call, so that the refusal is immediate and leaves no row behind.
     */
    public static Uni<Void> whileAvailable(PaymentProvider provider, ProviderCall call) {
        return provider.available(call).onFailure(ProviderUnavailable.class).transform(failure -> of(failure, null));
    }

    public static boolean isDokuFailure(Throwable failure) {
        return failure instanceof ProviderFailure;
    }

    /**
     * A failed check 3-D Secure moved no money: DOKU's refusal (or an open breaker) as it is, anything
     * else (an answer lost, a timeout) is "try again", never "outcome unknown".
     */
    static DomainException ofCheck(Throwable failure) {
        return failure instanceof ProviderRejected || failure instanceof ProviderUnavailable
                ? of(failure, null) : new DokuUnavailable(null);
    }
}
