package com.example.gateway.payment;

import com.example.gateway.support.DomainException;

/** A capture of more than was authorized. */
public final class AmountExceedsAuthorized extends DomainException {

    public AmountExceedsAuthorized(long authorized) {
        super("Amount exceeds the authorization", "At most " + authorized + " can be captured");
    }
}
