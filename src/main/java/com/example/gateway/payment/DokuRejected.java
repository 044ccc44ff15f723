package com.example.gateway.payment;

import com.example.gateway.support.DomainException;

/** DOKU answered with an error; {@code detail} says which. */
public final class DokuRejected extends DomainException {

    public DokuRejected(String detail) {
        super("DOKU rejected the request", detail);
    }
}
