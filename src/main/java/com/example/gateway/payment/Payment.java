package com.example.gateway.payment;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A card payment. Holds DOKU's masked card number and token only, never card data. A new payment
 * is PENDING; its status changes only through {@link PaymentStateMachine}. Its text columns are
 * PostgreSQL {@code text} (db/migration), which {@code columnDefinition} tells Hibernate's schema check.
 */
@Entity
@Table(name = "payments")
public class Payment extends PanacheEntityBase {

    @Id
    @Column(columnDefinition = "text")
    public String id;

    @Column(columnDefinition = "text", name = "client_name", nullable = false, updatable = false)
    public String clientName;

    @Column(columnDefinition = "text", name = "invoice_number", nullable = false, updatable = false)
    public String invoiceNumber;

    @Column(nullable = false, updatable = false)
    public long amount;

    @Column(columnDefinition = "text", nullable = false, updatable = false)
    public String currency = "IDR";

    @Enumerated(EnumType.STRING)
    @Column(columnDefinition = "text", nullable = false, updatable = false)
    public PaymentFlow flow;

    @Enumerated(EnumType.STRING)
    @Column(columnDefinition = "text", name = "payment_type", nullable = false, updatable = false)
    public PaymentType paymentType;

    @Enumerated(EnumType.STRING)
    @Column(columnDefinition = "text", nullable = false)
    public PaymentStatus status = PaymentStatus.PENDING;

    /** The Request-Id of the DOKU call that started this payment; reused by every retry of it. */
    @Column(columnDefinition = "text", name = "doku_request_id", nullable = false, updatable = false)
    public String dokuRequestId;

    @Column(columnDefinition = "text", name = "customer_id", updatable = false)
    public String customerId;

    /**
     * The caller's own pairs (metadata on creation); empty when none. Written once with the row; a
     * {@code jsonb} object in the table, searched by containment ({@link PaymentRows#list}). Checked by
     * the API before it gets here: bounded, and never holding a card number.
     */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb", nullable = false, updatable = false)
    public Map<String, String> metadata = Map.of();

    @Column(columnDefinition = "text", name = "payment_page_url")
    public String paymentPageUrl;

    /** The issuer's 3-D Secure challenge, while the payment is REQUIRES_AUTHENTICATION. */
    @Column(columnDefinition = "text", name = "authentication_url")
    public String authenticationUrl;

    /**
     * The payment-page request as sent to DOKU, kept only until the page's URL is recorded: if DOKU's
     * answer is lost, reconciliation sends the same bytes under the same Request-Id to get the URL back.
     * Holds no card data (a page request carries at most a saved-card token).
     */
    @Column(name = "page_request")
    public byte[] pageRequest;

    @Column(name = "authorized_amount", nullable = false)
    public long authorizedAmount;

    @Column(name = "captured_amount", nullable = false)
    public long capturedAmount;

    @Column(name = "refunded_amount", nullable = false)
    public long refundedAmount;

    @Column(columnDefinition = "text", name = "authorize_id")
    public String authorizeId;

    @Column(name = "authorized_at")
    public Instant authorizedAt;

    @Column(name = "capture_deadline")
    public Instant captureDeadline;

    @Column(columnDefinition = "text", name = "card_masked")
    public String cardMasked;

    @Column(columnDefinition = "text", name = "card_brand")
    public String cardBrand;

    @Column(columnDefinition = "text", name = "card_issuer")
    public String cardIssuer;

    @Column(columnDefinition = "text", name = "card_type")
    public String cardType;

    @Column(columnDefinition = "text", name = "card_token")
    public String cardToken;

    @Column(columnDefinition = "text", name = "approval_code")
    public String approvalCode;

    @Column(columnDefinition = "text", name = "failure_code")
    public String failureCode;

    @Column(columnDefinition = "text", name = "failure_message")
    public String failureMessage;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "reconcile_attempts", nullable = false)
    public int reconcileAttempts;

    /** When reconciliation should next ask DOKU about this payment; null when nothing is open. */
    @Column(name = "next_reconcile_at")
    public Instant nextReconcileAt;

    /**
     * The page's URL is known (also after reconciliation recovered a lost answer): the request kept to
     * recover it is no longer needed, and a payment still PENDING now waits for the customer, which is
     * news ({@code payment.pending}).
     */
    void pageOpened(UnitOfWork unit, String url, Transition.Cause cause, Instant now) {
        paymentPageUrl = url;
        pageRequest = null;
        if (status == PaymentStatus.PENDING) {
            unit.record(id, EventType.PAYMENT_PENDING, cause, now);
        }
    }

    /** When {@code authorization.expiring} was recorded: once per authorization, a day before its deadline. */
    @Column(name = "expiry_warned_at")
    public Instant expiryWarnedAt;

    @Version
    @Column(nullable = false)
    public int version;

    /**
     * The status the amounts describe once nothing is in doubt: used when a capture or refund
     * settles, including after reconciliation lifts an {@code UNKNOWN}.
     */
    public PaymentStatus statusFromAmounts() {
        if (capturedAmount == 0) {
            return authorizedAmount > 0 ? PaymentStatus.AUTHORIZED : status;
        }
        if (refundedAmount >= capturedAmount) {
            return PaymentStatus.REFUNDED;
        }
        return refundedAmount > 0 ? PaymentStatus.PARTIALLY_REFUNDED : PaymentStatus.SUCCEEDED;
    }

    /**
     * Whether DOKU has authorized or captured money for it. Until then it can have no capture nor refund
     * (both need money held), and an UNKNOWN may still go back to waiting or failing.
     */
    public boolean heldMoney() {
        return authorizedAmount > 0 || capturedAmount > 0;
    }

    /** Money still refundable: captured, less refunded, less refunds whose outcome is not yet known. */
    public long refundable(long refundsInFlight) {
        return capturedAmount - refundedAmount - refundsInFlight;
    }
}
