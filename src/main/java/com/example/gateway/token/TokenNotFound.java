package com.example.gateway.token;

import com.example.gateway.support.DomainException;

/** DOKU lists no such token for the customer. */
public final class TokenNotFound extends DomainException {

    public TokenNotFound() {
        super("Token not found", "The customer has no such token");
    }
}
