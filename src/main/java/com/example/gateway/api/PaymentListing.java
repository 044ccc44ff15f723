package com.example.gateway.api;

import com.example.gateway.payment.Payment;
import com.example.gateway.payment.PaymentStatus;
import com.example.gateway.payment.Payments;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * {@code GET /v1/payments}: validates the query, and pages newest first with an opaque keyset
 * cursor (the last item's creation time and id), so pages stay stable while payments are added.
 */
@ApplicationScoped
public class PaymentListing {

    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 100;

    private final Payments payments;

    PaymentListing(Payments payments) {
        this.payments = payments;
    }

    public record Page(List<PaymentView> items, String nextCursor) {
    }

    private record Cursor(Instant createdAt, String id) {
    }

    Uni<Page> list(String client, String invoiceNumber, String customerId, String status, String limitText,
            String cursorText) {
        List<FieldError> errors = new ArrayList<>();
        int limit = limit(limitText, errors);
        PaymentStatus statusFilter = status(status, errors);
        Cursor cursor = decode(cursorText, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Payments.PaymentFilter filter = new Payments.PaymentFilter(invoiceNumber, customerId, statusFilter);
        // One row more than asked tells whether another page exists.
        return payments.list(client, filter, cursor == null ? null : cursor.createdAt(),
                        cursor == null ? null : cursor.id(), limit + 1)
                .map(rows -> {
                    boolean more = rows.size() > limit;
                    List<Payment> page = more ? rows.subList(0, limit) : rows;
                    Payment last = page.isEmpty() ? null : page.get(page.size() - 1);
                    return new Page(page.stream().map(PaymentView::of).toList(),
                            more ? encode(new Cursor(last.createdAt, last.id)) : null);
                });
    }

    private static int limit(String text, List<FieldError> errors) {
        if (text == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError("limit", "must be an integer from 1 to " + MAX_LIMIT));
        return DEFAULT_LIMIT;
    }

    private static PaymentStatus status(String text, List<FieldError> errors) {
        if (text == null) {
            return null;
        }
        try {
            return PaymentStatus.valueOf(text);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("status", "must be one of the payment statuses"));
            return null;
        }
    }

    private static String encode(Cursor cursor) {
        String text = cursor.createdAt().toString() + "|" + cursor.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Cursor decode(String text, List<FieldError> errors) {
        if (text == null) {
            return null;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            int bar = decoded.indexOf('|');
            return new Cursor(Instant.parse(decoded.substring(0, bar)), decoded.substring(bar + 1));
        } catch (RuntimeException e) {
            errors.add(new FieldError("cursor", "is not a cursor this API issued"));
            return null;
        }
    }
}
