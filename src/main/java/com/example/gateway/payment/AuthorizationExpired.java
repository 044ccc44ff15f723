package com.example.gateway.payment;

import com.example.gateway.support.DomainException;
import java.time.Instant;

/** The 7-day capture window has closed; DOKU is not called. */
public final class AuthorizationExpired extends DomainException {

    public AuthorizationExpired(Instant captureDeadline) {
        super("Authorization expired", "The 7-day capture window closed at " + captureDeadline);
    }
}
