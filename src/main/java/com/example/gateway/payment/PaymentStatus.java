package com.example.gateway.payment;

/** A payment's status; which may follow which, and why, is {@link PaymentStateMachine}'s table. */
public enum PaymentStatus {
    PENDING,
    AUTHORIZED,
    SUCCEEDED,
    FAILED,
    EXPIRED,
    VOIDED,
    PARTIALLY_REFUNDED,
    REFUNDED,
    UNKNOWN
}
