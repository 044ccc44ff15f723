package com.example.gateway.payment.provider;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/** The provider's notifications: whether one is signed by the provider, and what it reports. */
public interface ProviderNotifications {

    /** Whether the provider signed these headers and body (compared in constant time). */
    boolean isSigned(String clientId, String requestId, String timestamp, byte[] body, String signature);

    /** How far a notification's timestamp may be from our clock and still count as fresh. */
    Duration maxClockSkew();

    /** What a notification's body reports about a payment's transaction. */
    TransactionNews read(JsonNode body);
}
