package com.example.gateway.payment.provider;

import java.time.Instant;

/**
 * What the provider reports about a payment's transaction, from a notification, a status check or the
 * answer to a charge, already in the gateway's terms: every field is optional (the provider leaves some
 * out), and judged by the payment.
 *
 * @param amount  the transaction's amount, null unless it was a whole number
 * @param decline why no money moved: set for {@link Outcome#DECLINED} and {@link Outcome#LAPSED}
 * @param date    when the provider says the transaction happened, if it says
 */
public record TransactionNews(
        String invoiceNumber,
        Long amount,
        Kind kind,
        Outcome outcome,
        Decline decline,
        Instant date,
        Card card,
        String approvalCode,
        String authorizeId) {

    /** Which transaction the news is about. */
    public enum Kind {
        /** A sale: the money was taken at once (instalments, MOTO and recurring charges too). */
        SALE,
        /** An authorization: the money is held for a capture. */
        AUTHORIZATION,
        /** A capture or refund: settled by its own answer and by reconciliation, never by this news. */
        OPERATION,
        /** The provider did not say: it is the payment's own transaction, of the payment's type. */
        UNSTATED
    }

    /** What became of the transaction. */
    public enum Outcome {
        SUCCEEDED,
        /** Declined, failed or timed out at the acquirer, or a page that lapsed unpaid: no money moved. */
        DECLINED,
        /** Lapsed: an authorization the provider released, or (if none was made) a page nobody paid. */
        LAPSED,
        /** The customer is still paying, or at 3-D Secure. */
        PENDING,
        /** Refunded or voided: news of a cancellation, settled through the refund itself. */
        CANCELLED,
        /** A status the gateway does not know, or none: nothing can be concluded. */
        UNKNOWN
    }

    /** The acquirer's (or provider's) code and message for a transaction that moved no money. */
    public record Decline(String code, String message) {
    }

    /** The card as the provider shows it: a masked number and a token, never a full card number. */
    public record Card(String masked, String brand, String issuer, String type, String token) {

        public static final Card NONE = new Card(null, null, null, null, null);
    }
}
