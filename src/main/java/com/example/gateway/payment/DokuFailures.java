package com.example.gateway.payment;

import com.example.gateway.doku.DokuOutcomeUnknownException;
import com.example.gateway.doku.DokuRejectedException;
import com.example.gateway.doku.DokuUnavailableException;
import com.example.gateway.support.DomainException;

/** What a failed DOKU call means to the caller, the same for payments, captures, refunds and tokens. */
public final class DokuFailures {

    private DokuFailures() {
    }

    /** @param paymentId the payment the call was for, or null */
    public static DomainException of(Throwable failure, String paymentId) {
        if (failure instanceof DokuRejectedException rejected) {
            return new DokuRejected(rejected.errorCode() + ": " + rejected.errorMessage());
        }
        if (failure instanceof DokuUnavailableException) {
            return new DokuUnavailable();
        }
        if (failure instanceof DokuOutcomeUnknownException) {
            return new DokuTimeout(paymentId);
        }
        throw new IllegalArgumentException("not a DOKU failure", failure);
    }

    public static boolean isDokuFailure(Throwable failure) {
        return failure instanceof DokuRejectedException || failure instanceof DokuUnavailableException
                || failure instanceof DokuOutcomeUnknownException;
    }
}
