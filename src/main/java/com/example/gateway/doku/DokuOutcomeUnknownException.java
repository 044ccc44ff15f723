package com.example.gateway.doku;

/**
 * The call may have reached DOKU but no answer came back after every retry: what DOKU did is not
 * known until reconciliation asks.
 */
public final class DokuOutcomeUnknownException extends DokuException {

    public DokuOutcomeUnknownException(DokuOperation operation, String reason) {
        super(operation, "DOKU outcome unknown for " + operation + ": " + reason);
    }
}
