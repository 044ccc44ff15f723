package com.example.gateway.payment;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The payment state machine: the one place that says which status may follow which. A status never
 * moves backwards; {@code UNKNOWN} (DOKU's answer was lost) may settle into whatever DOKU reports.
 */
public enum PaymentStatus {
    PENDING,
    AUTHORIZED,
    SUCCEEDED,
    FAILED,
    EXPIRED,
    VOIDED,
    PARTIALLY_REFUNDED,
    REFUNDED,
    UNKNOWN;

    private static final Map<PaymentStatus, Set<PaymentStatus>> NEXT = Map.of(
            PENDING, EnumSet.of(AUTHORIZED, SUCCEEDED, FAILED, UNKNOWN),
            UNKNOWN, EnumSet.of(PENDING, AUTHORIZED, SUCCEEDED, FAILED, VOIDED, PARTIALLY_REFUNDED, REFUNDED),
            // A customer may fail on the page and then pay: DOKU's later success is the truth about money.
            FAILED, EnumSet.of(AUTHORIZED, SUCCEEDED),
            AUTHORIZED, EnumSet.of(SUCCEEDED, EXPIRED, VOIDED, UNKNOWN),
            // A sale not yet settled is voided whole rather than refunded.
            SUCCEEDED, EnumSet.of(PARTIALLY_REFUNDED, REFUNDED, VOIDED, UNKNOWN),
            PARTIALLY_REFUNDED, EnumSet.of(REFUNDED, UNKNOWN),
            EXPIRED, EnumSet.noneOf(PaymentStatus.class),
            VOIDED, EnumSet.noneOf(PaymentStatus.class),
            REFUNDED, EnumSet.noneOf(PaymentStatus.class));

    public boolean canMoveTo(PaymentStatus next) {
        return NEXT.get(this).contains(next);
    }
}
