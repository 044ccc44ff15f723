package com.example.dokuemulator;

import com.example.dokuemulator.TransactionSnapshot.Capture;
import com.example.dokuemulator.TransactionSnapshot.Refund;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One transaction's state and the rules for changing it. Every method is synchronized on the
 * transaction, so a capture and a refund (or two refunds) on the same invoice can never interleave.
 */
final class EmulatedTransaction {

    /** DOKU releases an authorization that is not captured within 7 days. */
    static final Duration AUTHORIZATION_VALIDITY = Duration.ofDays(7);

    static final String PENDING = "PENDING";
    static final String SUCCESS = "SUCCESS";
    static final String FAILED = "FAILED";
    static final String REFUNDED = "REFUNDED";
    static final String VOIDED = "VOIDED";
    /** A payment page nobody paid in time, or an authorization DOKU released uncaptured. */
    static final String EXPIRED = "EXPIRED";
    /** The payment did not complete in time (for example at the acquirer). */
    static final String TIMEOUT = "TIMEOUT";
    /** The customer is still at 3-D Secure: the payment can still complete. */
    static final String REDIRECT = "REDIRECT";

    private final TransactionTerms terms;
    private final String sessionId;
    private String status = PENDING;
    private Instant date;
    private CardResult card;
    private String approvalCode;
    private String authorizeId;
    private Instant authorizedAt;
    private String tokenId;
    private boolean settled;
    private final List<Capture> captures = new ArrayList<>();
    private final List<Refund> refunds = new ArrayList<>();

    EmulatedTransaction(TransactionTerms terms, String sessionId, Instant createdAt) {
        this.terms = terms;
        this.sessionId = sessionId;
        this.date = createdAt;
    }

    TransactionTerms terms() {
        return terms;
    }

    String sessionId() {
        return sessionId;
    }

    /** Not decided yet: waiting for the customer, possibly at 3-D Secure. */
    synchronized boolean pending() {
        return PENDING.equals(status) || REDIRECT.equals(status);
    }

    /**
     * Puts the transaction in a status only time or the customer would otherwise bring (for tests):
     * REDIRECT or TIMEOUT while it is undecided, EXPIRED while it is undecided or as an approved
     * authorization with nothing captured (DOKU released it).
     */
    synchronized void forceStatus(String newStatus, Instant now) {
        boolean allowed = switch (newStatus) {
            case REDIRECT, TIMEOUT -> pending();
            case EXPIRED -> pending() || (SUCCESS.equals(status) && isAuthorize() && captures.isEmpty());
            default -> throw new IllegalArgumentException("status must be one of EXPIRED, TIMEOUT, REDIRECT");
        };
        if (!allowed) {
            throw new IllegalStateException("invoice " + terms.invoiceNumber() + " is " + status
                    + " and cannot become " + newStatus);
        }
        status = newStatus;
        date = now;
    }

    /**
     * Applies the acquirer's verdict to a pending transaction. An approved AUTHORIZE gets an
     * authorize_id (and with auto_capture a full capture at once). {@code tokenFor} is asked for the
     * token to report, only when the verdict is applied, so a second attempt never saves a card.
     */
    synchronized TransactionSnapshot complete(CardResult verdict, Function<CardResult, String> tokenFor, Instant now) {
        if (!pending()) {
            throw EmulatorRejection.alreadyProcessed("invoice " + terms.invoiceNumber() + " is already " + status);
        }
        card = verdict;
        date = now;
        tokenId = tokenFor.apply(verdict);
        if (!verdict.approved()) {
            status = FAILED;
            return snapshot();
        }
        status = SUCCESS;
        approvalCode = EmulatorIds.approvalCode();
        if (isAuthorize()) {
            authorizeId = EmulatorIds.authorizeId();
            authorizedAt = now;
            if (terms.autoCapture()) {
                captures.add(new Capture(terms.originalRequestId(), terms.amount(), approvalCode, now));
            }
        }
        return snapshot();
    }

    /** Captures part or (with {@code requested == null}) all of what is left of an authorization. */
    synchronized Capture capture(Long requested, String requestId, Instant now) {
        if (!isAuthorize() || authorizeId == null) {
            throw EmulatorRejection.invalidParameter("invoice " + terms.invoiceNumber() + " has no authorization to capture");
        }
        if (!SUCCESS.equals(status)) {
            throw EmulatorRejection.invalidParameter("the authorization is " + status);
        }
        if (now.isAfter(authorizedAt.plus(AUTHORIZATION_VALIDITY))) {
            throw EmulatorRejection.invalidParameter("the authorization expired (not captured within 7 days)");
        }
        long left = terms.amount() - captured();
        long amount = requested == null ? left : requested;
        if (left == 0) {
            throw EmulatorRejection.invalidParameter("the authorization is already captured in full");
        }
        if (amount > left) {
            throw EmulatorRejection.invalidParameter("payment.capture_amount " + amount
                    + " is above the authorized amount left (" + left + ")");
        }
        Capture capture = new Capture(requestId, amount, EmulatorIds.approvalCode(), now);
        captures.add(capture);
        date = now;
        return capture;
    }

    /**
     * Before settlement only a VOID of the full amount is possible; after it, full or partial
     * refunds up to what was paid (captured, for an authorization).
     */
    synchronized Refund refund(long amount, String requestId, Instant now) {
        if (!SUCCESS.equals(status)) {
            throw EmulatorRejection.invalidParameter("invoice " + terms.invoiceNumber() + " is " + status + ", nothing to refund");
        }
        long base = refundBase();
        String type;
        if (!settled) {
            if (amount != base || !refunds.isEmpty()) {
                throw EmulatorRejection.invalidParameter("the transaction is not settled: only a VOID of the full amount ("
                        + base + ") is possible");
            }
            type = "VOID";
            status = VOIDED;
        } else {
            long left = base - refunded();
            if (base == 0 || amount > left) {
                throw EmulatorRejection.invalidParameter("refund.amount " + amount + " is above the refundable amount (" + left + ")");
            }
            type = amount == base ? "FULL_REFUND" : "PARTIAL_REFUND";
            if (amount == left) {
                status = REFUNDED;
            }
        }
        Refund refund = new Refund(requestId, amount, type, EmulatorIds.approvalCode(), now);
        refunds.add(refund);
        date = now;
        return refund;
    }

    synchronized void settle() {
        settled = true;
    }

    synchronized TransactionSnapshot snapshot() {
        return new TransactionSnapshot(terms.invoiceNumber(), terms.amount(), terms.paymentType(), status, date,
                terms.originalRequestId(), sessionId, terms.customerId(),
                card == null ? null : card.masked(), card == null ? null : card.brand(),
                card == null ? null : card.issuer(), card == null ? null : card.cardType(),
                card == null ? null : card.acquirer(), card == null ? null : card.responseCode(),
                card == null ? null : card.responseMessage(), approvalCode, authorizeId, tokenId,
                captured(), refunded(), settled, List.copyOf(captures), List.copyOf(refunds));
    }

    /** What a refund is measured against: the captured amount of an authorization, else the amount. */
    private long refundBase() {
        if (isAuthorize() && (settled || captured() > 0)) {
            return captured();
        }
        return terms.amount();
    }

    private boolean isAuthorize() {
        return "AUTHORIZE".equals(terms.paymentType());
    }

    private long captured() {
        return captures.stream().mapToLong(Capture::amount).sum();
    }

    private long refunded() {
        return refunds.stream().mapToLong(Refund::amount).sum();
    }
}
