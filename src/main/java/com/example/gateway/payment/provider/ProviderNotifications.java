package com.example.gateway.payment.provider;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;

/** The provider's notifications: whether one is signed by the provider, and what it reports. */
public interface ProviderNotifications {

    /** Whether the provider signed these headers and body (compared in constant time). */
    boolean isSigned(String clientId, String requestId, String timestamp, byte[] body, String signature);

    /** How far a notification's timestamp may be from {@link #now()} and still count as fresh. */
    Duration maxClockSkew();

    /**
     * The provider's time, which a notification's timestamp is measured against: with the test clock it
     * is the time the provider was told (the emulator's), not necessarily ours.
     */
    Instant now();

    /** What a notification's body reports about a payment's transaction. */
    TransactionNews read(JsonNode body);
}
