package com.example.dokuemulator;

import java.time.Instant;

/**
 * One API request the emulator received, in arrival order.
 *
 * @param answeredAt     when the answer was ready to go (or the connection was closed)
 * @param path           the request path exactly as received (the signed Request-Target)
 * @param requestId      the Request-Id header, {@code null} if missing
 * @param signatureValid whether Client-Id, timestamp and signature were all right
 * @param httpStatus     the status answered: 409 for a replay, 0 when the connection was closed
 *                       without an answer (DROP_CONNECTION, ANSWER_LOST)
 * @param fault          the scripted fault applied to this request, or {@code null}
 * @param invoiceNumber  the invoice concerned when known, else {@code null}
 * @param replayed       answered from the ledger: an earlier request had this Request-Id
 * @param traceparent    the W3C Trace Context header the caller sent, {@code null} if none (so tests can
 *                       see that a trace crosses from the gateway into DOKU)
 */
public record ReceivedRequest(
        Instant receivedAt,
        Instant answeredAt,
        Operation operation,
        String method,
        String path,
        String requestId,
        boolean signatureValid,
        int httpStatus,
        EmulatorFault fault,
        String invoiceNumber,
        boolean replayed,
        String traceparent) {
}
