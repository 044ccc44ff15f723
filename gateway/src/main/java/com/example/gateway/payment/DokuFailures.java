package com.example.gateway.payment;

import com.example.gateway.doku.DokuClient;
import com.example.gateway.doku.DokuOperation;
import com.example.gateway.doku.DokuOutcomeUnknownException;
import com.example.gateway.doku.DokuRejectedException;
import com.example.gateway.doku.DokuUnavailableException;
import com.example.gateway.support.DomainException;
import io.smallrye.mutiny.Uni;

/** What a failed DOKU call means to the caller, the same for payments, captures, refunds and tokens. */
public final class DokuFailures {

    private DokuFailures() {
    }

    /** @param paymentId the payment the call was for, or null */
    public static DomainException of(Throwable failure, String paymentId) {
        if (failure instanceof DokuRejectedException rejected) {
            return new DokuRejected(rejected.errorCode() + ": " + rejected.errorMessage());
        }
        if (failure instanceof DokuUnavailableException unavailable) {
            return new DokuUnavailable(unavailable.retryAfter().orElse(null));
        }
        if (failure instanceof DokuOutcomeUnknownException) {
            return new DokuTimeout(paymentId);
        }
        throw new IllegalArgumentException("not a DOKU failure", failure);
    }

    /**
     * Fails with {@link DokuUnavailable} while the breaker of {@code operation} is open: checked before
     * anything is written for a DOKU call, so that the refusal is immediate and leaves no row behind.
     */
    public static Uni<Void> whileAvailable(DokuClient doku, DokuOperation operation) {
        return doku.available(operation).onFailure(DokuUnavailableException.class).transform(failure -> of(failure, null));
    }

    public static boolean isDokuFailure(Throwable failure) {
        return failure instanceof DokuRejectedException || failure instanceof DokuUnavailableException
                || failure instanceof DokuOutcomeUnknownException;
    }

    /**
     * A failed check 3-D Secure moved no money: DOKU's refusal (or an open breaker) as it is, anything
     * else (an answer lost, a timeout) is "try again", never "outcome unknown".
     */
    static DomainException ofCheck(Throwable failure) {
        return failure instanceof DokuRejectedException || failure instanceof DokuUnavailableException
                ? of(failure, null) : new DokuUnavailable(null);
    }
}
