package com.example.gateway.emulator;

import java.time.Instant;

/**
 * One API request the emulator received: {@code GET /control/requests}. Status 0: no answer was sent.
 * {@code traceparent}: the W3C Trace Context header the gateway sent, {@code null} if none.
 */
public record ReceivedRequest(Instant receivedAt, Instant answeredAt, EmulatorOperation operation, String method,
        String path, String requestId, boolean signatureValid, int httpStatus, EmulatorFault fault,
        String invoiceNumber, boolean replayed, String traceparent) {
}
