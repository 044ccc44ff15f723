package com.example.gateway.payment;

import com.example.gateway.payment.Transition.Cause;
import com.example.gateway.payment.provider.TransactionNews;
import com.example.gateway.payment.provider.TransactionNews.Kind;
import com.example.gateway.payment.provider.TransactionNews.Outcome;
import java.time.Duration;
import java.time.Instant;

/**
 * Applies what the provider reports about a payment's own transaction (sale or authorization) to the
 * payment. Used by notifications and by reconciliation alike, so both reach the same state.
 */
public final class PaymentOutcome {

    /** DOKU releases an authorization that is not captured within 7 days. */
    public static final Duration CAPTURE_WINDOW = Duration.ofDays(7);

    private PaymentOutcome() {
    }

    /** @return whether the payment's status changed; its event goes into {@code unit} */
    public static boolean apply(UnitOfWork unit, Payment payment, TransactionNews news, Cause cause, Instant now) {
        if (news.kind() == Kind.OPERATION) {
            return false; // news of captures and refunds: settled through their own answers and reconciliation
        }
        if (news.outcome() == Outcome.LAPSED && payment.status == PaymentStatus.AUTHORIZED && payment.capturedAmount == 0) {
            // the provider released the uncaptured authorization
            return PaymentStateMachine.apply(unit, payment, PaymentStateMachine.Happening.AUTHORIZATION_RELEASED, cause, now);
        }
        if (payment.heldMoney()) {
            // Late news of the sale or authorization itself must not undo the captures and refunds made
            // since, even while the payment is UNKNOWN because a capture's or refund's answer was lost.
            return false;
        }
        rememberCard(payment, news);
        boolean authorization = news.kind() == Kind.UNSTATED ? payment.paymentType == PaymentType.AUTHORIZE
                : news.kind() == Kind.AUTHORIZATION; // unstated: it is the payment's own
        return switch (news.outcome()) {
            case SUCCEEDED -> authorization ? authorize(unit, payment, news, cause, now) : succeed(unit, payment, cause, now);
            // A page nobody paid before it lapsed, or a transaction the acquirer timed out: no money moved.
            case DECLINED, LAPSED -> fail(unit, payment, news, cause, now);
            // The customer is still paying (or at 3-D Secure); only lifts an UNKNOWN (a page whose creation answer was lost).
            case PENDING -> PaymentStateMachine.apply(unit, payment, PaymentStateMachine.Happening.STILL_PAYING, cause, now);
            case CANCELLED, UNKNOWN -> false;
        };
    }

    private static boolean authorize(UnitOfWork unit, Payment payment, TransactionNews report, Cause cause, Instant now) {
        if (!PaymentStateMachine.apply(unit, payment, PaymentStateMachine.Happening.AUTHORIZED, cause, now)) {
            return false;
        }
        clearFailure(payment);
        payment.authorizedAmount = payment.amount;
        payment.authorizeId = report.authorizeId();
        payment.authorizedAt = report.date() != null ? report.date() : now;
        payment.captureDeadline = payment.authorizedAt.plus(CAPTURE_WINDOW);
        return true;
    }

    private static boolean succeed(UnitOfWork unit, Payment payment, Cause cause, Instant now) {
        if (!PaymentStateMachine.apply(unit, payment, PaymentStateMachine.Happening.CHARGED, cause, now)) {
            return false;
        }
        clearFailure(payment);
        payment.capturedAmount = payment.amount;
        return true;
    }

    private static boolean fail(UnitOfWork unit, Payment payment, TransactionNews news, Cause cause, Instant now) {
        if (!PaymentStateMachine.apply(unit, payment, PaymentStateMachine.Happening.DECLINED, cause, now)) {
            return false;
        }
        payment.failureCode = news.decline().code();
        payment.failureMessage = news.decline().message();
        return true;
    }

    /** A customer who failed once on the page and then paid: the earlier failure no longer describes the payment. */
    private static void clearFailure(Payment payment) {
        payment.failureCode = null;
        payment.failureMessage = null;
    }

    /**
     * The provider's masked number, brand and token: never a full card number. Storing a token binds it to the
     * payment's client and customer (saved_card_tokens, by the database: migration V8).
     */
    private static void rememberCard(Payment payment, TransactionNews news) {
        TransactionNews.Card card = news.card() == null ? TransactionNews.Card.NONE : news.card();
        payment.cardMasked = firstNonNull(payment.cardMasked, card.masked());
        payment.cardBrand = firstNonNull(payment.cardBrand, card.brand());
        payment.cardIssuer = firstNonNull(payment.cardIssuer, card.issuer());
        payment.cardType = firstNonNull(payment.cardType, card.type());
        payment.cardToken = firstNonNull(payment.cardToken, card.token());
        payment.approvalCode = firstNonNull(payment.approvalCode, news.approvalCode());
    }

    private static String firstNonNull(String current, String reported) {
        return current != null ? current : reported;
    }
}
