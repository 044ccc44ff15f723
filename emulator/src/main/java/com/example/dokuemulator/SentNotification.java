package com.example.dokuemulator;

import java.time.Instant;

/**
 * One delivery attempt of a notification to the gateway (a duplicate or a resend is a separate
 * entry with the same {@code requestId}).
 *
 * @param requestId     the notification's Request-Id header, the handle for {@link DokuEmulator#resendNotification}
 * @param operation     the operation whose effect it reports: PAYMENT_PAGE, CHARGE or REFUND
 * @param gatewayStatus the HTTP status the gateway answered; 0 when there was no answer (connection
 *                      refused, timeout) or when the notification was held
 * @param held          stored by the HOLD_NOTIFICATION fault without being sent
 * @param body          the exact JSON sent
 */
public record SentNotification(
        String requestId,
        Operation operation,
        String invoiceNumber,
        String transactionType,
        String transactionStatus,
        String url,
        String body,
        Instant sentAt,
        int gatewayStatus,
        boolean held) {

    /** Whether the gateway took it (answered 2xx). */
    public boolean accepted() {
        return gatewayStatus >= 200 && gatewayStatus < 300;
    }
}
