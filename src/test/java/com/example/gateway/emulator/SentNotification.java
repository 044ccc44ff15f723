package com.example.gateway.emulator;

import java.time.Instant;

/** One notification delivery attempt: {@code GET /control/notifications}. Status 0: no answer, or held. */
public record SentNotification(String requestId, EmulatorOperation operation, String invoiceNumber,
        String transactionType, String transactionStatus, String url, String body, Instant sentAt,
        int gatewayStatus, boolean held) {
}
