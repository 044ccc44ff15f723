package com.example.gateway.payment;

import com.example.gateway.doku.TransactionReport;
import com.example.gateway.payment.Transition.Cause;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Applies what DOKU reports about a payment's own transaction (sale or authorization) to the
 * payment. Used by notifications and by reconciliation alike, so both reach the same state.
 */
public final class PaymentOutcome {

    /** DOKU releases an authorization that is not captured within 7 days. */
    public static final Duration CAPTURE_WINDOW = Duration.ofDays(7);

    private PaymentOutcome() {
    }

    /** DOKU's news of captures and refunds: settled through their own answers and reconciliation instead. */
    private static final Set<String> OPERATION_TYPES = Set.of("CAPTURE", "REFUND");

    /** @return whether the payment's status changed */
    public static boolean apply(Payment payment, TransactionReport report, Cause cause, Instant now) {
        if (report.type() != null && OPERATION_TYPES.contains(report.type())) {
            return false;
        }
        String status = report.status() == null ? "" : report.status();
        if ("EXPIRED".equals(status) && payment.status == PaymentStatus.AUTHORIZED && payment.capturedAmount == 0) {
            // DOKU released the uncaptured authorization
            return PaymentStateMachine.move(payment, PaymentStatus.EXPIRED, cause, now).isPresent();
        }
        if (payment.heldMoney()) {
            // Late news of the sale or authorization itself must not undo the captures and refunds made
            // since, even while the payment is UNKNOWN because a capture's or refund's answer was lost.
            return false;
        }
        rememberCard(payment, report);
        boolean authorization = report.type() != null ? "AUTHORIZE".equals(report.type())
                : payment.paymentType == PaymentType.AUTHORIZE; // DOKU left the type out: it is the payment's own
        return switch (status) {
            case "SUCCESS" -> authorization ? authorize(payment, report, cause, now) : succeed(payment, cause, now);
            // A page nobody paid before it lapsed, or a transaction the acquirer timed out: no money moved.
            case "FAILED", "EXPIRED", "TIMEOUT" -> fail(payment, report, cause, now);
            // The customer is still paying (or at 3-D Secure); only lifts an UNKNOWN (a page whose creation answer was lost).
            case "PENDING", "REDIRECT" -> PaymentStateMachine.move(payment, PaymentStatus.PENDING, cause, now).isPresent();
            default -> false;
        };
    }

    private static boolean authorize(Payment payment, TransactionReport report, Cause cause, Instant now) {
        if (PaymentStateMachine.move(payment, PaymentStatus.AUTHORIZED, cause, now).isEmpty()) {
            return false;
        }
        clearFailure(payment);
        payment.authorizedAmount = payment.amount;
        payment.authorizeId = report.authorizeId();
        payment.authorizedAt = report.date() != null ? report.date() : now;
        payment.captureDeadline = payment.authorizedAt.plus(CAPTURE_WINDOW);
        return true;
    }

    private static boolean succeed(Payment payment, Cause cause, Instant now) {
        if (PaymentStateMachine.move(payment, PaymentStatus.SUCCEEDED, cause, now).isEmpty()) {
            return false;
        }
        clearFailure(payment);
        payment.capturedAmount = payment.amount;
        return true;
    }

    private static boolean fail(Payment payment, TransactionReport report, Cause cause, Instant now) {
        if (PaymentStateMachine.move(payment, PaymentStatus.FAILED, cause, now).isEmpty()) {
            return false;
        }
        payment.failureCode = report.responseCode() != null ? report.responseCode() : report.status();
        payment.failureMessage = report.responseMessage();
        return true;
    }

    /** A customer who failed once on the page and then paid: the earlier failure no longer describes the payment. */
    private static void clearFailure(Payment payment) {
        payment.failureCode = null;
        payment.failureMessage = null;
    }

    /**
     * DOKU's masked number, brand and token: never a full card number. Storing a token binds it to the
     * payment's client and customer (saved_card_tokens, by the database: migration V8).
     */
    private static void rememberCard(Payment payment, TransactionReport report) {
        payment.cardMasked = firstNonNull(payment.cardMasked, report.maskedCard());
        payment.cardBrand = firstNonNull(payment.cardBrand, report.brand());
        payment.cardIssuer = firstNonNull(payment.cardIssuer, report.issuer());
        payment.cardType = firstNonNull(payment.cardType, report.cardType());
        payment.cardToken = firstNonNull(payment.cardToken, report.tokenId());
        payment.approvalCode = firstNonNull(payment.approvalCode, report.approvalCode());
    }

    private static String firstNonNull(String current, String reported) {
        return current != null ? current : reported;
    }
}
