package com.example.dokuemulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A notification to send, not yet signed.
 *
 * @param operation the operation whose effect it reports (PAYMENT_PAGE, CHARGE or REFUND); its
 *                  notification fault queue applies
 */
record Notification(Operation operation, String url, String invoiceNumber, String transactionType,
        String transactionStatus, ObjectNode body) {
}
