package com.example.gateway.payment;

import com.example.gateway.payment.Transition.Cause;
import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The events of the payment changes made in the current transaction, in the order they happened.
 * {@link Payments#transaction} opens it and writes what it holds just before committing. It is kept
 * where Hibernate Reactive keeps the transaction's session: on the Vert.x (duplicated) context.
 */
final class EventLog {

    record Entry(String paymentId, EventType type, Cause cause, Instant at) {
    }

    private static final String KEY = EventLog.class.getName();

    private EventLog() {
    }

    /** Opens the log of this transaction; false if one is open already (a transaction within it joins it). */
    static boolean open() {
        if (ContextLocals.get(KEY).isPresent()) {
            return false;
        }
        ContextLocals.put(KEY, new ArrayList<Entry>());
        return true;
    }

    /** Closes the log and answers what it collected. */
    static List<Entry> close() {
        List<Entry> entries = ContextLocals.<List<Entry>>get(KEY).orElseThrow();
        ContextLocals.remove(KEY);
        return entries;
    }

    /**
     * The events of the changes {@code change} makes, for a change that is written by one statement
     * rather than in {@link Payments#transaction}.
     */
    static List<Entry> collect(Runnable change) {
        if (!open()) {
            throw new IllegalStateException("a change collected inside an open transaction would lose its events");
        }
        try {
            change.run();
        } catch (RuntimeException e) {
            discard();
            throw e;
        }
        return close();
    }

    /** Forgets the log, if still open: its transaction did not commit. */
    static void discard() {
        if (VertxContext.isOnDuplicatedContext()) {
            ContextLocals.remove(KEY);
        }
    }

    static void record(Transition transition) {
        Optional<EventType> type = EventType.of(transition);
        if (type.isPresent()) {
            record(transition.paymentId(), type.get(), transition.cause(), transition.at());
        } else {
            current(); // no event of its own, but a change all the same: inside a transaction too
        }
    }

    static void record(String paymentId, EventType type, Cause cause, Instant at) {
        List<Entry> log = current();
        if (log != null) {
            log.add(new Entry(paymentId, type, cause, at));
        }
    }

    /**
     * The open log. Without a Vert.x context there is no database either (a unit test of the rules):
     * nothing to write, null. On one, a change outside {@link Payments#transaction} would lose its event,
     * so it is refused.
     */
    private static List<Entry> current() {
        if (Vertx.currentContext() == null) {
            return null;
        }
        return ContextLocals.<List<Entry>>get(KEY).orElseThrow(() -> new IllegalStateException(
                "a payment, capture or refund changed outside Payments.transaction: its event would be lost"));
    }
}
