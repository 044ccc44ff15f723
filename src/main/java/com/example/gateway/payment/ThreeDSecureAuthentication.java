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

/**
 * A 3-D Secure authentication (db/migration V10). Never holds card data: for a card number only DOKU's
 * authentication id is kept, and the caller sends the card again with the charge; for a saved card the
 * token is kept, and for a payment the gateway charges itself, the charge request (token, no card data).
 */
@Entity
@Table(name = "three_d_secure_authentications")
public class ThreeDSecureAuthentication extends PanacheEntityBase {

    @Id
    @Column(columnDefinition = "text")
    public String id;

    @Column(columnDefinition = "text", name = "client_name", nullable = false, updatable = false)
    public String clientName;

    @Column(columnDefinition = "text", name = "invoice_number", nullable = false, updatable = false)
    public String invoiceNumber;

    @Column(nullable = false, updatable = false)
    public long amount;

    @Column(columnDefinition = "text", name = "customer_id", updatable = false)
    public String customerId;

    @Column(columnDefinition = "text", name = "card_token", updatable = false)
    public String cardToken;

    @Enumerated(EnumType.STRING)
    @Column(columnDefinition = "text", nullable = false)
    public ThreeDSecureStatus status;

    /** The Request-Id of the check 3-D Secure call. */
    @Column(columnDefinition = "text", name = "doku_request_id", nullable = false, updatable = false)
    public String dokuRequestId;

    @Column(columnDefinition = "text", name = "doku_authentication_id")
    public String dokuAuthenticationId;

    @Column(columnDefinition = "text", name = "authentication_url")
    public String authenticationUrl;

    @Column(columnDefinition = "text", name = "return_url", nullable = false, updatable = false)
    public String returnUrl;

    @Column(columnDefinition = "text", name = "failed_url", updatable = false)
    public String failedUrl;

    /** The payment the gateway charges when the challenge passes; null when the caller charges. */
    @Column(columnDefinition = "text", name = "payment_id", updatable = false)
    public String paymentId;

    /** DOKU's charge request for {@link #paymentId}, kept until sent (a token, never card data). */
    @Column(name = "charge_request")
    public byte[] chargeRequest;

    @Column(columnDefinition = "text", name = "used_by_payment_id")
    public String usedByPaymentId;

    @Column(name = "expires_at", nullable = false, updatable = false)
    public Instant expiresAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    @Column(nullable = false)
    public int version;

    /** The status as a caller sees it at {@code now}: one that could still be used has lapsed after expiry. */
    public ThreeDSecureStatus statusAt(Instant now) {
        boolean open = status == ThreeDSecureStatus.PENDING_CHALLENGE || status.usable();
        return open && !now.isBefore(expiresAt) ? ThreeDSecureStatus.EXPIRED : status;
    }
}
