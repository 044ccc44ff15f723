package com.example.gateway.notification;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An authentic DOKU notification exactly as it arrived, and what the gateway did with it; kept for
 * the retention period ({@link NotificationPurge}). Text columns are PostgreSQL {@code text}.
 */
@Entity
@Table(name = "doku_notifications")
public class ReceivedNotification extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(columnDefinition = "text", name = "doku_request_id")
    public String dokuRequestId;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(columnDefinition = "text", name = "request_target", nullable = false)
    public String requestTarget;

    @Column(columnDefinition = "text", name = "client_id")
    public String clientId;

    @Column(columnDefinition = "text", name = "request_timestamp")
    public String requestTimestamp;

    @Column(columnDefinition = "text")
    public String signature;

    /** Bytes, not text: whatever arrived is kept, NUL bytes and invalid UTF-8 included. */
    @Column(nullable = false)
    public byte[] body;

    @Column(columnDefinition = "text", name = "invoice_number")
    public String invoiceNumber;

    @Column(columnDefinition = "text", name = "payment_id")
    public String paymentId;

    @Enumerated(EnumType.STRING)
    @Column(columnDefinition = "text", nullable = false)
    public NotificationResult result;
}
