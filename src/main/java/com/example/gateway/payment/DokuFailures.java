package com.example.gateway.payment;

import com.example.gateway.api.ApiProblem;
import com.example.gateway.api.Problem;
import com.example.gateway.doku.DokuOutcomeUnknownException;
import com.example.gateway.doku.DokuRejectedException;
import com.example.gateway.doku.DokuUnavailableException;

/** The problem answers for a DOKU call that failed, the same for payments, captures and refunds. */
public final class DokuFailures {

    private DokuFailures() {
    }

    public static ApiProblem problemFor(Throwable failure, String paymentId) {
        if (failure instanceof DokuRejectedException rejected) {
            return ApiProblem.of(502, "doku_rejected", "DOKU rejected the request",
                    rejected.errorCode() + ": " + rejected.errorMessage());
        }
        if (failure instanceof DokuUnavailableException) {
            return ApiProblem.of(503, "doku_unavailable", "DOKU unavailable",
                    "DOKU could not be reached; nothing was done");
        }
        if (failure instanceof DokuOutcomeUnknownException) {
            return new ApiProblem(Problem.of(504, "doku_timeout", "DOKU did not answer",
                    "The outcome is unknown; the payment will be reconciled").withPaymentId(paymentId));
        }
        throw new IllegalArgumentException("not a DOKU failure", failure);
    }

    static boolean isDokuFailure(Throwable failure) {
        return failure instanceof DokuRejectedException || failure instanceof DokuUnavailableException
                || failure instanceof DokuOutcomeUnknownException;
    }
}
