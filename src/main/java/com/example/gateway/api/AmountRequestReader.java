package com.example.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;

/** Validates the bodies of capture and refund requests; unknown fields are rejected. */
public final class AmountRequestReader {

    private AmountRequestReader() {
    }

    /**
     * Capture body {@code {"amount": 50000}}, or {@code {}} (or no body at all) for the full authorized
     * amount. Returns the amount, or null for the full amount.
     */
    public static Long readCapture(JsonNode json) {
        if (json == null || json.isMissingNode() || json.isNull()) {
            return null;
        }
        JsonFieldReader body = JsonFieldReader.root(json, "amount");
        Long amount = body.field("amount").money();
        body.throwIfInvalid();
        return amount;
    }

    /** Refund body {@code {"amount": 10000, "reason": "…"}}: amount required, reason optional (1..255). */
    public static RefundRequest readRefund(JsonNode json) {
        JsonFieldReader body = JsonFieldReader.root(json, "amount", "reason");
        Long amount = body.required("amount").money();
        String reason = body.field("reason").text(1, 255);
        body.throwIfInvalid();
        return new RefundRequest(amount, reason);
    }
}
