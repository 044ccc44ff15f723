package com.example.dokuemulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * DOKU's idempotency by Request-Id: the first request with an id is processed and its answer kept;
 * any later request with that id gets the kept answer back (the caller turns it into a 409) and
 * causes nothing. Also counts the effects each Request-Id caused, which tests expect to be 0 or 1.
 */
final class EmulatorLedger {

    /** A kept answer: the operation asked, the HTTP status and body first given, and the invoice it concerned (if known). */
    record StoredAnswer(Operation operation, int status, String body, String invoiceNumber) {
    }


    /** What {@link #answerOnce} did: processed now ({@code replayed == false}) or gave back a kept answer. */
    record Result(StoredAnswer answer, boolean replayed) {
    }

    /** One slot per Request-Id; its monitor makes concurrent requests with the same id run one at a time. */
    private static final class Slot {
        StoredAnswer answer;
    }

    private final Map<String, Slot> slots = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> effects = new ConcurrentHashMap<>();

    /**
     * Runs {@code process} unless this Request-Id already has an answer. If {@code process} throws,
     * nothing is kept and a later request with the same id is processed afresh.
     */
    Result answerOnce(String requestId, Supplier<StoredAnswer> process) {
        Slot slot = slots.computeIfAbsent(requestId, id -> new Slot());
        synchronized (slot) {
            if (slot.answer != null) {
                return new Result(slot.answer, true);
            }
            slot.answer = process.get();
            return new Result(slot.answer, false);
        }
    }

    void recordEffect(String requestId) {
        effects.computeIfAbsent(requestId, id -> new AtomicInteger()).incrementAndGet();
    }

    int effects(String requestId) {
        AtomicInteger count = effects.get(requestId);
        return count == null ? 0 : count.get();
    }

    /** Every Request-Id answered so far (in no particular order); one still being processed is left out. */
    List<LedgerReadout.Request> entries() {
        List<LedgerReadout.Request> entries = new ArrayList<>();
        slots.forEach((requestId, slot) -> {
            StoredAnswer answer;
            synchronized (slot) {
                answer = slot.answer;
            }
            if (answer != null) {
                entries.add(new LedgerReadout.Request(requestId, answer.operation(), answer.invoiceNumber(), answer.status(),
                        effects(requestId)));
            }
        });
        return entries;
    }

    void clear() {
        slots.clear();
        effects.clear();
    }
}
