package com.example.gateway.webhook;

import java.time.Instant;

/**
 * A delivery of one event to one endpoint, as operators see it: {@code pending} (due at
 * {@code next_attempt_at}), {@code delivered} or {@code failed}; the last attempt's HTTP status or error.
 */
public record WebhookDelivery(String id, String eventId, String eventType, String paymentId, String endpointId,
        String status, int attempts, Instant nextAttemptAt, Instant lastAttemptAt, Integer lastResponseStatus,
        String lastError, Instant deliveredAt, Instant createdAt) {
}
