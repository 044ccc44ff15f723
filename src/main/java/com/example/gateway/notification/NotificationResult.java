package com.example.gateway.notification;

/** What became of a DOKU notification; stored with an authentic one and counted in metrics. */
public enum NotificationResult {
    APPLIED,
    /** Same DOKU Request-Id as one already applied. */
    DUPLICATE,
    /** Valid, but older news than the payment already holds: a status never moves backwards. */
    OUTDATED,
    /** The amount does not match the payment's: not applied, left for an operator. */
    AMOUNT_MISMATCH,
    /** Not from DOKU, or stale: only counted ({@link UnverifiedNotifications}), never stored. */
    INVALID_SIGNATURE,
    /** Authentic, but the body is not a JSON object of clean text: nothing in it is used. */
    INVALID_NOTIFICATION,
    UNKNOWN_INVOICE;

    public String tag() {
        return name().toLowerCase();
    }
}
