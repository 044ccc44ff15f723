package com.example.gateway.payment;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One event of a payment's history, written in the transaction of the change it tells (V5). Its body is
 * the JSON exactly as webhooks send and sign it. Text columns are PostgreSQL {@code text}.
 */
@Entity
@Table(name = "payment_events")
public class PaymentEvent extends PanacheEntityBase {

    @Id
    @Column(columnDefinition = "text")
    public String id;

    /** Assigned by the database as the row is written: the order of the payment's events. */
    @Column(insertable = false, updatable = false, nullable = false)
    public long seq;

    @Column(columnDefinition = "text", name = "payment_id", nullable = false, updatable = false)
    public String paymentId;

    @Column(columnDefinition = "text", name = "client_name", nullable = false, updatable = false)
    public String clientName;

    @Column(columnDefinition = "text", nullable = false, updatable = false)
    public String type;

    @Column(columnDefinition = "text", nullable = false, updatable = false)
    public String cause;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(columnDefinition = "text", nullable = false, updatable = false)
    public String body;
}
