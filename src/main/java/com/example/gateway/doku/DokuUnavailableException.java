package com.example.gateway.doku;

/**
 * Every attempt failed before DOKU could have acted (connection refused, 429, 503, circuit open, or
 * DOKU asking us to come back later than we wait): nothing happened at DOKU for certain.
 */
public final class DokuUnavailableException extends DokuException {

    public DokuUnavailableException(DokuOperation operation, String reason) {
        super(operation, "DOKU unavailable for " + operation + ": " + reason);
    }
}
