package com.example.gateway.payment;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The payment resource of API.md, with its captures and refunds: what GET returns and what every event
 * about the payment carries as its {@code data}, so that the two cannot differ.
 */
public record PaymentView(
        String id,
        String invoiceNumber,
        long amount,
        String currency,
        String flow,
        String paymentType,
        String status,
        String paymentPageUrl,
        String authenticationUrl,
        String customerId,
        long authorizedAmount,
        long capturedAmount,
        long refundedAmount,
        Instant captureDeadline,
        CardView card,
        String approvalCode,
        String failureCode,
        String failureMessage,
        Map<String, String> metadata,
        List<CaptureView> captures,
        List<RefundView> refunds,
        Instant createdAt,
        Instant updatedAt) {

    public record CardView(String masked, String brand, String issuer, String type, String token) {
    }

    public record CaptureView(String id, long amount, String status, Instant createdAt) {
    }

    public static PaymentView of(Payment p, List<PaymentOperation> operations) {
        return new PaymentView(p.id, p.invoiceNumber, p.amount, p.currency, p.flow.name(), p.paymentType.name(),
                p.status.name(), p.paymentPageUrl, p.authenticationUrl, p.customerId, p.authorizedAmount, p.capturedAmount,
                p.refundedAmount, micros(p.captureDeadline),
                p.cardMasked == null && p.cardToken == null ? null
                        : new CardView(p.cardMasked, p.cardBrand, p.cardIssuer, p.cardType, p.cardToken),
                p.approvalCode, p.failureCode, p.failureMessage, sorted(p.metadata),
                operations.stream().filter(op -> op.kind == PaymentOperation.Kind.CAPTURE)
                        .map(op -> new CaptureView(op.id, op.amount, op.status.name(), micros(op.createdAt))).toList(),
                operations.stream().filter(op -> op.kind == PaymentOperation.Kind.REFUND).map(RefundView::of).toList(),
                micros(p.createdAt), micros(p.updatedAt));
    }

    /** A payment just created: it has no captures or refunds yet, so nothing needs to be read back. */
    public static PaymentView ofNew(Payment p) {
        return of(p, List.of());
    }

    /** Keys in order, whichever way the payment was read: the same JSON from POST, GET and events. */
    private static Map<String, String> sorted(Map<String, String> metadata) {
        return metadata == null || metadata.isEmpty() ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(metadata));
    }

    /**
     * An instant as PostgreSQL keeps it, to the microsecond: an event written before its row is read
     * back shows the times a GET shows afterwards.
     */
    static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }
}
