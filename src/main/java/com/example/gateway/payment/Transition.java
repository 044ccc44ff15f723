package com.example.gateway.payment;

import java.time.Instant;

/**
 * A status change that happened, as {@link PaymentStateMachine} made it: of a payment, or of one of
 * its captures or refunds ({@code paymentId} names the payment either way).
 */
public record Transition(Subject subject, String id, String paymentId, Enum<?> from, Enum<?> to, Cause cause,
        Instant at) {

    public enum Subject { PAYMENT, CAPTURE, REFUND }

    /** Where the news that moved the status came from. */
    public enum Cause {
        /** A caller's request, or DOKU's direct answer to the call made for it. */
        API,
        /** DOKU's HTTP notification. */
        NOTIFICATION,
        /** DOKU's check status, asked by the reconciliation job, by {@code /sync} or before a capture or refund. */
        RECONCILIATION,
        /** The expiry sweep: a 7-day capture window closed. */
        SWEEP
    }
}
