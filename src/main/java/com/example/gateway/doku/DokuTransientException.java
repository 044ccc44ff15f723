package com.example.gateway.doku;

/** One attempt failed in a way worth retrying with the same Request-Id (connect error, timeout, 429, 5xx). */
sealed class DokuTransientException extends DokuException permits DokuRetryAfterTooLongException {

    private final String outcome;

    /** @param outcome a short metric-friendly word: http_429, http_5xx, connect_error, no_answer, bad_signature */
    DokuTransientException(DokuOperation operation, String outcome, String detail) {
        super(operation, "DOKU " + operation + " attempt failed: " + detail);
        this.outcome = outcome;
    }

    String outcome() {
        return outcome;
    }
}
