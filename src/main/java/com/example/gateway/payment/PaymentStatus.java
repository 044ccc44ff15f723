package com.example.gateway.payment;

/** A payment's status; which may follow which, and why, is {@link PaymentStateMachine}'s table. */
public enum PaymentStatus {
    PENDING,
    /** A CHARGE by token waits for the customer's 3-D Secure challenge; the gateway charges once it passes. */
    REQUIRES_AUTHENTICATION,
    AUTHORIZED,
    SUCCEEDED,
    FAILED,
    EXPIRED,
    VOIDED,
    PARTIALLY_REFUNDED,
    REFUNDED,
    UNKNOWN
}
