package com.example.gateway.doku;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * What DOKU reports about a transaction, in the gateway's terms: from an HTTP notification or a
 * check-status answer (same envelope). Parsed leniently: DOKU adds fields at will and names some
 * differently between sources, so every field is optional here and judged by the caller (an
 * {@code amount} that is not a whole JSON number is null).
 *
 * @param status      DOKU's {@code transaction.status}: SUCCESS, FAILED, PENDING, REDIRECT, REFUNDED, VOIDED
 * @param type        DOKU's {@code transaction.type}: SALE, AUTHORIZE, CAPTURE, REFUND, …
 * @param refundType  for a refund: VOID, FULL_REFUND, PARTIAL_REFUND, MANUAL_*
 */
public record TransactionReport(
        String invoiceNumber,
        Long amount,
        String type,
        String status,
        Instant date,
        String originalRequestId,
        String maskedCard,
        String brand,
        String issuer,
        String cardType,
        String approvalCode,
        String responseCode,
        String responseMessage,
        String authorizeId,
        String tokenId,
        String refundType) {

    public static TransactionReport parse(JsonNode root) {
        JsonNode order = root.path("order");
        JsonNode transaction = root.path("transaction");
        JsonNode card = root.path("card_payment");
        return new TransactionReport(
                text(order, "invoice_number"),
                wholeNumber(order.path("amount")),
                upper(text(transaction, "type")),
                upper(text(transaction, "status")),
                instant(text(transaction, "date")),
                text(transaction, "original_request_id"),
                firstOf(text(card, "masked_card_number"), text(card, "card_masked")),
                text(card, "brand"),
                text(card, "issuer"),
                text(card, "type"),
                text(card, "approval_code"),
                text(card, "response_code"),
                text(card, "response_message"),
                firstOf(text(root, "authorize_id"), text(card, "authorize_id")),
                text(card, "token_id"),
                upper(text(root.path("refund"), "type")));
    }

    /**
     * DOKU's amounts are whole rupiah as JSON integers. Anything else (absent, a string, a fraction,
     * even {@code 1000.0}, a number past a long) is null, never rounded or truncated into a match.
     */
    private static Long wholeNumber(JsonNode amount) {
        return amount.isIntegralNumber() && amount.canConvertToLong() ? amount.longValue() : null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() && !value.asText().isBlank() ? value.asText() : null;
    }

    private static String firstOf(String a, String b) {
        return a != null ? a : b;
    }

    private static String upper(String s) {
        return s == null ? null : s.toUpperCase(Locale.ROOT);
    }

    private static Instant instant(String s) {
        if (s == null) {
            return null;
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
