package com.example.gateway.payment;

import com.example.gateway.support.DomainException;

/** The authentication cannot pay: still waiting for the customer, failed, expired, used, or for another charge. */
public final class ThreeDSecureNotUsable extends DomainException {

    public ThreeDSecureNotUsable(String detail) {
        super("3-D Secure authentication not usable", detail);
    }
}
