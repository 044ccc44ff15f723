package com.example.gateway.api;

import com.example.gateway.payment.Payment;
import com.example.gateway.payment.PaymentStatus;
import com.example.gateway.payment.PaymentView;
import com.example.gateway.payment.Payments;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/** The two keyset-paginated listings: payments newest first, authorizations soonest deadline first. */
@ApplicationScoped
public class PaymentListing {

    /** The rule of API.md for invoice numbers: anything else matches no payment. */
    private static final Pattern INVOICE_NUMBER = Pattern.compile("[\\x20-\\x7E]{1,64}");

    private final Payments payments;

    PaymentListing(Payments payments) {
        this.payments = payments;
    }

    public record Page(List<PaymentView> items, String nextCursor) {
    }

    /** {@code query}: all the request's query parameters, for the metadata search ({@code metadata[key]=value}). */
    Uni<Page> payments(String client, String invoiceNumber, String customerId, String status, String limit,
            String cursor, Map<String, List<String>> query) {
        List<FieldError> errors = new ArrayList<>();
        PageRequest page = PageRequest.parse(limit, cursor, "pay", errors);
        Map<String, String> metadata = PaymentMetadataRules.search(query, errors);
        if (invoiceNumber != null && !INVOICE_NUMBER.matcher(invoiceNumber).matches()) {
            errors.add(new FieldError("invoice_number", "must be 1 to 64 printable ASCII characters"));
        }
        if (customerId != null && !CustomerIds.isValid(customerId)) {
            errors.add(new FieldError("customer_id", CustomerIds.RULE));
        }
        PaymentStatus statusFilter = null;
        if (status != null) {
            try {
                statusFilter = PaymentStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("status", "must be one of the payment statuses"));
            }
        }
        failIfAny(errors);
        Payments.PaymentFilter filter = new Payments.PaymentFilter(invoiceNumber, customerId, statusFilter, metadata);
        return payments.list(client, filter, page.afterInstant(), page.afterId(), page.fetchSize())
                .chain(rows -> pageOf(rows, page, p -> p.createdAt));
    }

    Uni<Page> authorizations(String client, String expiringBefore, String limit, String cursor) {
        List<FieldError> errors = new ArrayList<>();
        PageRequest page = PageRequest.parse(limit, cursor, "pay", errors);
        Instant before = null;
        if (expiringBefore != null) {
            try {
                before = Instant.parse(expiringBefore);
            } catch (RuntimeException e) {
                // reported below
            }
            if (before == null || !PageRequest.isStorable(before)) {
                errors.add(new FieldError("expiring_before", "must be an ISO-8601 UTC instant from year 1 to 9999"));
            }
        }
        failIfAny(errors);
        return payments.awaitingCapture(client, before, page.afterInstant(), page.afterId(), page.fetchSize())
                .chain(rows -> pageOf(rows, page, p -> p.captureDeadline));
    }

    private Uni<Page> pageOf(List<Payment> rows, PageRequest page, Function<Payment, Instant> sortKey) {
        boolean more = rows.size() > page.limit();
        List<Payment> items = more ? rows.subList(0, page.limit()) : rows;
        Payment last = items.isEmpty() ? null : items.get(items.size() - 1);
        String next = more ? PageRequest.cursorAfter(sortKey.apply(last), last.id) : null;
        return payments.withOperations(items)
                .map(details -> new Page(details.stream().map(Payments.Details::view).toList(), next));
    }

    private static void failIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
