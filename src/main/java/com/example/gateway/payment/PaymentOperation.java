package com.example.gateway.payment;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A capture or a refund (a void is a refund DOKU typed VOID) of one payment. A new one is PENDING;
 * its status changes only through {@link PaymentStateMachine}. Text columns are PostgreSQL {@code text}.
 */
@Entity
@Table(name = "payment_operations")
public class PaymentOperation extends PanacheEntityBase {

    public enum Kind { CAPTURE, REFUND }

    public enum Status { PENDING, SUCCEEDED, FAILED, UNKNOWN }

    @Id
    @Column(columnDefinition = "text")
    public String id;

    @Column(columnDefinition = "text", name = "payment_id", nullable = false, updatable = false)
    public String paymentId;

    @Enumerated(EnumType.STRING)
    @Column(columnDefinition = "text", nullable = false, updatable = false)
    public Kind kind;

    @Column(nullable = false, updatable = false)
    public long amount;

    @Enumerated(EnumType.STRING)
    @Column(columnDefinition = "text", nullable = false)
    public Status status = Status.PENDING;

    /** Written before the DOKU call and reused by every retry and by reconciliation. */
    @Column(columnDefinition = "text", name = "doku_request_id", nullable = false, updatable = false)
    public String dokuRequestId;

    /** VOID, FULL_REFUND, PARTIAL_REFUND, MANUAL_FULL_REFUND, MANUAL_PARTIAL_REFUND, as DOKU reports. */
    @Column(columnDefinition = "text", name = "refund_type")
    public String refundType;

    @Column(columnDefinition = "text")
    public String reason;

    /** The caller's Idempotency-Key, if any: a retry of the same request finds this operation again. */
    @Column(columnDefinition = "text", name = "idempotency_key", updatable = false)
    public String idempotencyKey;

    @Column(columnDefinition = "text", name = "approval_code")
    public String approvalCode;

    @Column(columnDefinition = "text")
    public String message;

    @Column(columnDefinition = "text", name = "failure_code")
    public String failureCode;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Still holding money in flight: counts against what may be refunded. */
    public boolean isUnsettled() {
        return status == Status.PENDING || status == Status.UNKNOWN;
    }
}
