package com.example.gateway.payment;

import com.example.gateway.support.DomainException;

/** No 3-D Secure authentication of this caller has the id. */
public final class ThreeDSecureNotFound extends DomainException {

    public ThreeDSecureNotFound() {
        super("3-D Secure authentication not found", "No 3-D Secure authentication of yours has this id");
    }
}
