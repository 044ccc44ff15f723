package com.example.gateway.notification;

import java.time.Instant;

/**
 * An authentic DOKU notification exactly as it arrived, and what the gateway did with it: a row of
 * {@code doku_notifications} ({@link NotificationRows}), kept for the retention period ({@link NotificationPurge}).
 */
class ReceivedNotification {

    String dokuRequestId;
    Instant receivedAt;
    String requestTarget;
    String clientId;
    String requestTimestamp;
    String signature;
    /** Bytes, not text: whatever arrived is kept, NUL bytes and invalid UTF-8 included. */
    byte[] body;
    String invoiceNumber;
    String paymentId;
    NotificationResult result;
}
