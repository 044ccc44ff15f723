package com.example.dokuemulator;

import java.time.Instant;

/**
 * One 3-D Secure authentication as the issuer keeps it. Bound to a card (a digest of its number, or
 * the saved card's token) and to an amount; never holds a card number.
 *
 * @param cardBinding       {@code number:<sha-256 of the digits>} or {@code token:<token id>}
 * @param callbackUrlFailed where the browser goes after a failed or abandoned challenge
 */
record ThreeDSecureAuthentication(String id, String invoiceNumber, long amount, String cardBinding, String maskedCard,
        String issuer, boolean enrolled, boolean issuerRefuses, String callbackUrlSuccess, String callbackUrlFailed,
        Instant expiresAt, Status status) {

    /** PENDING until the challenge is answered; USED once a charge took it. */
    enum Status {
        PENDING,
        AUTHENTICATED,
        FAILED,
        ABANDONED,
        USED
    }

    ThreeDSecureAuthentication with(Status newStatus) {
        return new ThreeDSecureAuthentication(id, invoiceNumber, amount, cardBinding, maskedCard, issuer, enrolled,
                issuerRefuses, callbackUrlSuccess, callbackUrlFailed, expiresAt, newStatus);
    }

    boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
