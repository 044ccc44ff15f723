package com.example.gateway.payment;

import com.example.gateway.support.DomainException;

/** The provider answered with an error; {@code detail} says which. */
public final class RejectedByProvider extends DomainException {

    public RejectedByProvider(String detail) {
        super("DOKU rejected the request", detail);
    }
}
