package com.example.dokuemulator;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** All transactions, found by invoice number, original Request-Id, page session or authorize_id. */
final class TransactionBook {

    private final Map<String, EmulatedTransaction> byInvoice = new ConcurrentHashMap<>();
    private final Map<String, EmulatedTransaction> byRequestId = new ConcurrentHashMap<>();
    private final Map<String, EmulatedTransaction> bySession = new ConcurrentHashMap<>();
    private final Map<String, EmulatedTransaction> byAuthorizeId = new ConcurrentHashMap<>();
    private final Map<String, EmulatedTransaction> byOperationRequestId = new ConcurrentHashMap<>();

    /** Opens a pending transaction; an invoice number can be used once only. */
    EmulatedTransaction open(TransactionTerms terms, String sessionId, Instant now) {
        EmulatedTransaction transaction = new EmulatedTransaction(terms, sessionId, now);
        if (byInvoice.putIfAbsent(terms.invoiceNumber(), transaction) != null) {
            throw EmulatorRejection.invalidParameter("order.invoice_number " + terms.invoiceNumber() + " was already used");
        }
        byRequestId.put(terms.originalRequestId(), transaction);
        if (sessionId != null) {
            bySession.put(sessionId, transaction);
        }
        return transaction;
    }

    /** Makes an approved authorization findable by its authorize_id. */
    void indexAuthorization(TransactionSnapshot snapshot) {
        if (snapshot.authorizeId() != null) {
            byAuthorizeId.put(snapshot.authorizeId(), byInvoice.get(snapshot.invoiceNumber()));
        }
    }

    /** Makes a capture or refund findable by the Request-Id it was made with. */
    void indexOperation(String requestId, EmulatedTransaction transaction) {
        byOperationRequestId.put(requestId, transaction);
    }

    /** The transaction a capture or refund with this Request-Id was made on. */
    Optional<EmulatedTransaction> byOperationRequestId(String requestId) {
        return Optional.ofNullable(byOperationRequestId.get(requestId));
    }

    Optional<EmulatedTransaction> byInvoice(String invoiceNumber) {
        return Optional.ofNullable(byInvoice.get(invoiceNumber));
    }

    /** Check status accepts either the invoice number or the Request-Id the payment was created with. */
    Optional<EmulatedTransaction> byInvoiceOrRequestId(String id) {
        return byInvoice(id).or(() -> Optional.ofNullable(byRequestId.get(id)));
    }

    Optional<EmulatedTransaction> byRequestId(String requestId) {
        return Optional.ofNullable(byRequestId.get(requestId));
    }

    Optional<EmulatedTransaction> bySessionOrInvoice(String id) {
        return Optional.ofNullable(bySession.get(id)).or(() -> byInvoice(id));
    }

    Optional<EmulatedTransaction> byAuthorizeId(String authorizeId) {
        return Optional.ofNullable(byAuthorizeId.get(authorizeId));
    }

    /** Every transaction, in no particular order. */
    List<EmulatedTransaction> all() {
        return List.copyOf(byInvoice.values());
    }

    void clear() {
        byInvoice.clear();
        byRequestId.clear();
        bySession.clear();
        byAuthorizeId.clear();
        byOperationRequestId.clear();
    }
}
