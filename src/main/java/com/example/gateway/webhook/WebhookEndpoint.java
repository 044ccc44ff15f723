package com.example.gateway.webhook;

import com.example.gateway.support.Confidential;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A webhook endpoint as the API shows it. {@code secret} is there only in the answer to its creation
 * and to a rotation (and left out of the JSON otherwise); after a rotation the previous secret still
 * signs until {@code previousSecretExpiresAt}.
 */
public record WebhookEndpoint(String id, String url, List<String> eventTypes, String status, String disabledReason,
        Instant previousSecretExpiresAt, Instant createdAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String secret) implements Confidential {

    WebhookEndpoint withSecret(String shown) {
        return new WebhookEndpoint(id, url, eventTypes, status, disabledReason, previousSecretExpiresAt, createdAt, shown);
    }
}
