package com.example.gateway.payment;

import com.example.gateway.payment.Transition.Cause;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The events of the payment changes made in one transaction, in the order they happened. {@link Payments#transaction}
 * creates it and hands it to the work; every change of status takes it as an argument
 * ({@link PaymentStateMachine#apply}), so a change without a unit does not compile; the transaction writes what the
 * unit holds just before it commits, so a change and its event are stored together or not at all. Once written, the
 * unit refuses further events (a change made after its transaction ended would otherwise be lost without a word).
 */
public final class UnitOfWork {

    /** One event: of the payment {@code paymentId}, as {@code cause} made it at {@code at}. */
    record Entry(String paymentId, EventType type, Cause cause, Instant at) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private boolean closed;

    /** Only {@link Payments} begins one (and the state machine's tests). */
    UnitOfWork() {
    }

    /** The event a status change yields, if any. */
    void record(Transition transition) {
        Optional<EventType> type = EventType.of(transition);
        ensureOpen();
        type.ifPresent(t -> entries.add(new Entry(transition.paymentId(), t, transition.cause(), transition.at())));
    }

    void record(String paymentId, EventType type, Cause cause, Instant at) {
        ensureOpen();
        entries.add(new Entry(paymentId, type, cause, at));
    }

    /** The events so far, oldest first. */
    List<Entry> events() {
        return List.copyOf(entries);
    }

    /** Ends the unit and answers its events, for writing; nothing may be recorded in it afterwards. */
    List<Entry> close() {
        ensureOpen();
        closed = true;
        return List.copyOf(entries);
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("a payment, capture or refund changed after its transaction's events were "
                    + "written: its event would be lost");
        }
    }
}
