package com.example.dokuemulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EmulatorLedgerTest {

    private final EmulatorLedger ledger = new EmulatorLedger();
    private final AtomicInteger processed = new AtomicInteger();

    private EmulatorLedger.StoredAnswer process(int status, String body) {
        processed.incrementAndGet();
        return new EmulatorLedger.StoredAnswer(Operation.CHARGE, status, body, "INV-1");
    }

    @Test
    void processesTheFirstRequestAndReplaysTheSameAnswerAfter() {
        EmulatorLedger.Result first = ledger.answerOnce("rid-1", () -> process(200, "{\"first\":true}"));
        EmulatorLedger.Result second = ledger.answerOnce("rid-1", () -> process(200, "{\"second\":true}"));

        assertFalse(first.replayed());
        assertTrue(second.replayed());
        assertEquals(first.answer(), second.answer());
        assertEquals("{\"first\":true}", second.answer().body());
        assertEquals(1, processed.get());
    }

    @Test
    void keepsRejectionsToo() {
        ledger.answerOnce("rid-400", () -> process(400, "{\"error\":{}}"));
        EmulatorLedger.Result replay = ledger.answerOnce("rid-400", () -> process(200, "{}"));
        assertTrue(replay.replayed());
        assertEquals(400, replay.answer().status());
    }

    @Test
    void keepsNothingWhenProcessingFails() {
        assertThrows(IllegalStateException.class, () -> ledger.answerOnce("rid-2", () -> {
            throw new IllegalStateException("bug");
        }));
        EmulatorLedger.Result retry = ledger.answerOnce("rid-2", () -> process(200, "{}"));
        assertFalse(retry.replayed());
    }

    @Test
    void separatesRequestIds() {
        ledger.answerOnce("rid-a", () -> process(200, "a"));
        assertFalse(ledger.answerOnce("rid-b", () -> process(200, "b")).replayed());
        assertEquals(2, processed.get());
    }

    @Test
    void countsEffectsPerRequestIdAndForgetsOnClear() {
        ledger.recordEffect("rid-1");
        assertEquals(1, ledger.effects("rid-1"));
        assertEquals(0, ledger.effects("rid-unknown"));
        ledger.clear();
        assertEquals(0, ledger.effects("rid-1"));
        assertFalse(ledger.answerOnce("rid-1", () -> process(200, "{}")).replayed());
    }

    @Test
    void processesConcurrentDuplicatesOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<EmulatorLedger.Result>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return ledger.answerOnce("rid-race", () -> process(200, "{}"));
                }));
            }
            start.countDown();
            int fresh = 0;
            for (Future<EmulatorLedger.Result> result : results) {
                fresh += result.get(5, TimeUnit.SECONDS).replayed() ? 0 : 1;
            }
            assertEquals(1, fresh);
            assertEquals(1, processed.get());
        } finally {
            pool.shutdownNow();
        }
    }
}
