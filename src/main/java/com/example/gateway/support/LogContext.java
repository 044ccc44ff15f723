package com.example.gateway.support;

import org.jboss.logging.MDC;

/**
 * The ids every log line about a payment carries (as MDC keys; JSON logs put them under {@code mdc}):
 * the payment, its client, and the DOKU Request-Id in flight. Set once where a payment becomes known;
 * Quarkus keeps the MDC in the Vert.x duplicated context of the request (or job) that set it, so the
 * values follow the reactive pipeline across threads and never leak into another request. The trace
 * and span ids ({@code traceId}, {@code spanId}) are added by the OpenTelemetry extension itself.
 * Only ids go here: never card data, amounts or secrets.
 */
public final class LogContext {

    public static final String PAYMENT_ID = "payment_id";
    public static final String CLIENT = "client";
    public static final String DOKU_REQUEST_ID = "doku_request_id";

    private LogContext() {
    }

    /** The payment this request or job is about, and the client that owns it. */
    public static void payment(String paymentId, String client) {
        put(PAYMENT_ID, paymentId);
        put(CLIENT, client);
    }

    /** The Request-Id of the DOKU call under way (the same for each of its retries). */
    public static void dokuRequest(String requestId) {
        put(DOKU_REQUEST_ID, requestId);
    }

    private static void put(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, LogSafe.of(value));
        }
    }
}
