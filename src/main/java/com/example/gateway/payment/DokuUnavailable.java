package com.example.gateway.payment;

import com.example.gateway.support.DomainException;

/** DOKU could not be reached, or the circuit is open: nothing was done for certain. */
public final class DokuUnavailable extends DomainException {

    public DokuUnavailable() {
        super("DOKU unavailable", "DOKU could not be reached; nothing was done");
    }
}
