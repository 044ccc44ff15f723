package com.example.gateway.payment;

/**
 * Where a 3-D Secure authentication stands, in the gateway's terms. PENDING_CHALLENGE waits for the
 * customer at the issuer; AUTHENTICATED and NOT_ENROLLED (the issuer takes no part) may pay once;
 * USED has paid; FAILED (challenge failed or abandoned) and EXPIRED never will.
 */
public enum ThreeDSecureStatus {
    PENDING_CHALLENGE,
    AUTHENTICATED,
    NOT_ENROLLED,
    FAILED,
    EXPIRED,
    USED;

    /** A charge may use it (if it has not expired meanwhile). */
    boolean usable() {
        return this == AUTHENTICATED || this == NOT_ENROLLED;
    }
}
