package com.example.gateway.doku;

import com.example.gateway.payment.provider.OperationAnswer;
import com.example.gateway.payment.provider.TransactionNews;
import com.example.gateway.payment.provider.TransactionNews.Decline;
import com.example.gateway.payment.provider.TransactionNews.Kind;
import com.example.gateway.payment.provider.TransactionNews.Outcome;
import java.util.Locale;
import java.util.Map;

/**
 * DOKU's words for what became of a transaction, and the only place they are read: {@code transaction.status}
 * and {@code transaction.type} of a notification or check status (and the same fields of a charge's answer),
 * the {@code status} of a capture's or refund's answer, and {@code refund.type}. Matched without regard to
 * case, as DOKU's sources differ. Every value DOKU documents is in a table here; anything else is
 * {@link Outcome#UNKNOWN} (a payment) or "still processing" (a capture or refund).
 */
final class DokuStatuses {

    /** {@code transaction.status} of a payment's own transaction. */
    static final Map<String, Outcome> PAYMENT_STATUS = Map.of(
            "SUCCESS", Outcome.SUCCEEDED,
            "FAILED", Outcome.DECLINED,
            // the acquirer timed out the transaction: no money moved
            "TIMEOUT", Outcome.DECLINED,
            // a payment page that lapsed before anyone paid
            "ORDER_EXPIRED", Outcome.DECLINED,
            // an authorization DOKU released, or a page nobody paid before it lapsed
            "EXPIRED", Outcome.LAPSED,
            "PENDING", Outcome.PENDING,
            // the customer is still at 3-D Secure or the acquirer
            "REDIRECT", Outcome.PENDING,
            // a payment page created, not yet paid
            "ORDER_GENERATED", Outcome.PENDING,
            "REFUNDED", Outcome.CANCELLED,
            "VOIDED", Outcome.CANCELLED);

    /** {@code transaction.type}; any other type DOKU names is a sale of some kind. */
    static final Map<String, Kind> TYPE = Map.of(
            "SALE", Kind.SALE,
            "INSTALLMENT", Kind.SALE,
            "MOTO", Kind.SALE,
            "RECURRING", Kind.SALE,
            "AUTHORIZE", Kind.AUTHORIZATION,
            "CAPTURE", Kind.OPERATION,
            "REFUND", Kind.OPERATION);

    /** {@code transaction.status} of a capture's or refund's own transaction, by check status: settled or not. */
    static final Map<String, Boolean> OPERATION_STATUS = Map.of(
            "SUCCESS", true,
            "REFUNDED", true,
            "VOIDED", true,
            "FAILED", false);

    /** DOKU's {@code refund.type} of a void: the payment is voided whole, nothing was taken. */
    static final String VOID = "VOID";

    /** What check status reports of a refund that was voided, when it leaves {@code refund.type} out. */
    private static final String VOIDED = "VOIDED";

    /** A capture's or refund's direct answer: its {@code status}. */
    private static final String SUCCESS = "SUCCESS";

    private DokuStatuses() {
    }

    static Outcome paymentOutcome(String status) {
        return status == null ? Outcome.UNKNOWN : PAYMENT_STATUS.getOrDefault(upper(status), Outcome.UNKNOWN);
    }

    static Kind kind(String type) {
        return type == null ? Kind.UNSTATED : TYPE.getOrDefault(upper(type), Kind.SALE);
    }

    /** The report of a payment's transaction (notification, check status or charge answer) in the gateway's terms. */
    static TransactionNews news(TransactionReport r) {
        Outcome outcome = paymentOutcome(r.status());
        Decline decline = outcome == Outcome.DECLINED || outcome == Outcome.LAPSED
                // DOKU's response code if it gave one, else its status (EXPIRED, TIMEOUT, …) says why
                ? new Decline(r.responseCode() != null ? r.responseCode() : upper(r.status()), r.responseMessage())
                : null;
        return new TransactionNews(r.invoiceNumber(), r.amount(), kind(r.type()), outcome, decline, r.date(),
                new TransactionNews.Card(r.maskedCard(), r.brand(), r.issuer(), r.cardType(), r.tokenId()),
                r.approvalCode(), r.authorizeId());
    }

    /** Check status of a capture or refund: settled, or null while DOKU is still processing it. */
    static OperationAnswer operationAnswer(TransactionReport r) {
        Boolean succeeded = r.status() == null ? null : OPERATION_STATUS.get(upper(r.status()));
        if (succeeded == null) {
            return null;
        }
        if (!succeeded) {
            return new OperationAnswer(false, false, null, null, r.responseCode(), r.responseMessage());
        }
        String refundType = r.refundType() != null ? r.refundType() : VOIDED.equals(upper(r.status())) ? VOID : null;
        return new OperationAnswer(true, isVoid(refundType), refundType, r.approvalCode(), r.responseCode(),
                r.responseMessage());
    }

    /** A capture's or refund's direct answer: anything but SUCCESS moved no money. */
    static boolean answeredSuccess(String status) {
        return SUCCESS.equals(upper(status));
    }

    static boolean isVoid(String refundType) {
        return VOID.equals(upper(refundType));
    }

    private static String upper(String s) {
        return s == null ? null : s.toUpperCase(Locale.ROOT);
    }
}
