package com.example.gateway.payment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A payment row-locked in a {@link RowTransaction}, with every capture and refund it had when the lock was
 * granted. Changes are made to these objects; just before the transaction commits, {@link PaymentRows#write}
 * stores what differs from the rows as read, and the captures and refunds {@link #add}ed.
 */
public final class LockedPayment {

    private final UnitOfWork unit;
    private final Payment payment;
    private final List<PaymentOperation> operations;
    private final List<Object> paymentAsRead;
    private final Map<String, List<Object>> operationsAsRead = new HashMap<>();
    private final List<PaymentOperation> added = new ArrayList<>();

    LockedPayment(UnitOfWork unit, Payment payment, List<PaymentOperation> operations) {
        this.unit = unit;
        this.payment = payment;
        this.operations = new ArrayList<>(operations);
        this.paymentAsRead = PaymentRows.changeable(payment);
        operations.forEach(op -> operationsAsRead.put(op.id, PaymentRows.changeable(op)));
    }

    /** Where the changes made to it record their events: its transaction's. */
    public UnitOfWork unit() {
        return unit;
    }

    public Payment payment() {
        return payment;
    }

    /** Its captures and refunds still PENDING or UNKNOWN, oldest first. */
    List<PaymentOperation> unsettled() {
        return operations.stream().filter(PaymentOperation::isUnsettled).toList();
    }

    /** Its capture or refund {@code id}, or null. */
    PaymentOperation operation(String id) {
        return operations.stream().filter(op -> op.id.equals(id)).findFirst().orElse(null);
    }

    /** Its capture or refund stored under the caller's idempotency key, or null. */
    PaymentOperation operationByKey(String idempotencyKey) {
        return operations.stream().filter(op -> Objects.equals(op.idempotencyKey, idempotencyKey)).findFirst().orElse(null);
    }

    /** A new capture or refund of this payment, inserted with the transaction's other writes. */
    void add(PaymentOperation op) {
        operations.add(op);
        added.add(op);
    }

    /** The payment with its captures and refunds oldest first, as the transaction leaves them. */
    Payments.Details details() {
        return new Payments.Details(payment, operations.stream()
                .sorted(Comparator.comparing((PaymentOperation op) -> op.createdAt).thenComparing(op -> op.id)).toList());
    }

    /** Whether the payment or any of its captures and refunds changed, or one was added. */
    boolean changed() {
        return paymentChanged() || !added.isEmpty() || !changedOperations().isEmpty();
    }

    private boolean paymentChanged() {
        return !paymentAsRead.equals(PaymentRows.changeable(payment));
    }

    List<PaymentOperation> added() {
        return List.copyOf(added);
    }

    /** Captures and refunds read under the lock that changed since. */
    List<PaymentOperation> changedOperations() {
        return operations.stream().filter(op -> operationsAsRead.containsKey(op.id)
                && !operationsAsRead.get(op.id).equals(PaymentRows.changeable(op))).toList();
    }
}
