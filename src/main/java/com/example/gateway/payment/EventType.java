package com.example.gateway.payment;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an event tells about a payment. Most are a status change of the payment, a capture or a refund
 * ({@link #of(Transition)}); two are news without one: {@link #PAYMENT_PENDING} when a payment page opens
 * and {@link #AUTHORIZATION_EXPIRING} a day before an authorization lapses.
 */
public enum EventType {
    PAYMENT_PENDING("payment.pending"),
    PAYMENT_AUTHORIZED("payment.authorized"),
    PAYMENT_SUCCEEDED("payment.succeeded"),
    PAYMENT_FAILED("payment.failed"),
    PAYMENT_UNKNOWN("payment.unknown"),
    PAYMENT_RECONCILED("payment.reconciled"),
    AUTHORIZATION_EXPIRING("authorization.expiring"),
    AUTHORIZATION_EXPIRED("authorization.expired"),
    PAYMENT_VOIDED("payment.voided"),
    CAPTURE_SUCCEEDED("capture.succeeded"),
    CAPTURE_FAILED("capture.failed"),
    REFUND_SUCCEEDED("refund.succeeded"),
    REFUND_FAILED("refund.failed");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    /** The name on the wire, {@code payment.succeeded}. */
    public String wireName() {
        return wireName;
    }

    public static Optional<EventType> named(String wireName) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(wireName)).findFirst();
    }

    /**
     * The event a status change yields. A payment leaving UNKNOWN is {@code payment.reconciled}, whatever
     * it became and whoever told (data and cause say both). Two changes yield none of their own, as the
     * event they happen with tells them: a payment becoming PARTIALLY_REFUNDED or REFUNDED (the
     * {@code refund.succeeded} of the same transaction, whose data shows the new status) and a capture or
     * refund becoming UNKNOWN (the {@code payment.unknown} it causes, unless the payment was UNKNOWN already).
     */
    static Optional<EventType> of(Transition transition) {
        Enum<?> to = transition.to();
        return Optional.ofNullable(switch (transition.subject()) {
            case PAYMENT -> transition.from() == PaymentStatus.UNKNOWN ? PAYMENT_RECONCILED : ofPayment((PaymentStatus) to);
            case CAPTURE -> ofOperation(to, CAPTURE_SUCCEEDED, CAPTURE_FAILED);
            case REFUND -> ofOperation(to, REFUND_SUCCEEDED, REFUND_FAILED);
        });
    }

    private static EventType ofPayment(PaymentStatus to) {
        return switch (to) {
            case PENDING -> PAYMENT_PENDING;
            // The caller learns it in the creation's answer, which carries the authentication_url to use.
            case REQUIRES_AUTHENTICATION -> null;
            case AUTHORIZED -> PAYMENT_AUTHORIZED;
            case SUCCEEDED -> PAYMENT_SUCCEEDED;
            case FAILED -> PAYMENT_FAILED;
            case UNKNOWN -> PAYMENT_UNKNOWN;
            case EXPIRED -> AUTHORIZATION_EXPIRED;
            case VOIDED -> PAYMENT_VOIDED;
            case PARTIALLY_REFUNDED, REFUNDED -> null;
        };
    }

    private static EventType ofOperation(Enum<?> to, EventType succeeded, EventType failed) {
        if (to == PaymentOperation.Status.SUCCEEDED) {
            return succeeded;
        }
        return to == PaymentOperation.Status.FAILED ? failed : null;
    }
}
