package com.example.gateway.reliability;

import com.example.gateway.support.TestPorts;
import static com.example.gateway.support.GatewayApi.ORDERS;
import static com.example.gateway.support.GatewayApi.as;
import static com.example.gateway.support.GatewayApi.charge;
import static com.example.gateway.support.GatewayApi.paymentPage;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.gateway.emulator.EmulatorOperation;
import com.example.gateway.emulator.EmulatorClient;
import com.example.gateway.emulator.EmulatorFault;
import com.example.gateway.emulator.LedgerReadout;
import com.example.gateway.support.FreshEmulatorAndClock;
import com.example.gateway.support.MutableClock;
import com.example.gateway.support.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Concurrent clients run charges, authorizations, captures, refunds and payment pages while the
 * emulator injects random faults (fixed seed) into DOKU's answers and notifications. After
 * reconciliation, the gateway and DOKU must agree on every payment and no money may have moved twice;
 * and the gateway must stay available: transient faults are absorbed by the retries, not turned into 503s.
 */
@QuarkusTest
@FreshEmulatorAndClock
class FaultSuiteTest {

    private static final long SEED = 20261123L;
    private static final int OPERATIONS = 520;
    private static final int CLIENTS = 8;
    /** Up to this fault rate the retries must absorb the faults: nearly every operation succeeds, none is refused. */
    private static final double ABSORBED_RATE = 0.3;
    private static final String APPROVE = "4111111111111111";

    @Inject
    EmulatorClient emulator;

    @Inject
    TestDatabase db;

    @Inject
    MutableClock clock;

    private final AtomicInteger sent = new AtomicInteger();
    private final Map<Integer, AtomicInteger> answers = new ConcurrentHashMap<>();
    private final Set<String> invoices = ConcurrentHashMap.newKeySet();

    /** 30 %: the availability promised (issue 19); 50 %: measured for the table in docs/internals.md, the invariants held. */
    @ParameterizedTest(name = "fault rate {0}")
    @ValueSource(doubles = {0.3, 0.5})
    void moneyStaysConsistentUnderRandomDokuFaults(double faultRate) throws Exception {
        emulator.retryAfter(null);
        emulator.chaos(SEED, faultRate, Set.of(EmulatorFault.HTTP_500, EmulatorFault.HTTP_503, EmulatorFault.HTTP_429,
                        EmulatorFault.ANSWER_LOST, EmulatorFault.DROP_CONNECTION, EmulatorFault.DELAY,
                        EmulatorFault.DUPLICATE_NOTIFICATION, EmulatorFault.HOLD_NOTIFICATION),
                Set.of(EmulatorOperation.PAYMENT_PAGE, EmulatorOperation.CHARGE, EmulatorOperation.CAPTURE, EmulatorOperation.REFUND));

        runClients(faultRate);

        emulator.stopChaos();
        emulator.releaseHeldNotifications();
        // Past the grace in which DOKU may still be working on a request it has not answered.
        clock.advance(Duration.ofMinutes(5));
        List<String> ids = db.column("SELECT id FROM payments WHERE invoice_number = ANY($1)",
                (Object) invoices.toArray(String[]::new));
        await().atMost(Duration.ofSeconds(90)).until(() -> reconcileAll(ids), open -> open == 0);

        Figures figures = check(ids);
        int succeeded = answers.entrySet().stream().filter(a -> a.getKey() / 100 == 2).mapToInt(a -> a.getValue().get()).sum();
        int unavailable = answers.getOrDefault(503, new AtomicInteger()).get();
        double availability = (double) succeeded / sent.get();
        System.out.printf("FAULT-SUITE seed=%d fault-rate=%.0f%% operations=%d answers=%s availability=%.1f%% answered-503=%d "
                        + "doku-requests=%d faulted=%d (%.0f%%) payments=%d "
                        + "succeeded-operations=%d effects-mismatch=%d state-mismatch=%d overspend=%d unknown-left=%d "
                        + "stuck-transactions=%d stuck-keys=%d%n",
                SEED, 100 * faultRate, sent.get(), new TreeMap<>(answers), 100 * availability, unavailable,
                figures.dokuRequests, figures.faulted,
                100.0 * figures.faulted / Math.max(1, figures.dokuRequests), ids.size(), figures.succeededOperations,
                figures.effectsMismatch, figures.stateMismatch, figures.overspend, figures.unknownLeft,
                figures.stuckTransactions, figures.stuckKeys);

        assertTrue(sent.get() >= 500, "at least 500 operations");
        assertTrue(figures.faulted >= 0.25 * figures.dokuRequests, "at least a quarter of DOKU's answers faulted");
        // Availability: the retries (same Request-Id, DOKU replays) absorb transient faults, and the breakers,
        // judging operations after their retries, stay closed: nobody is refused for faults that were absorbed.
        if (faultRate <= ABSORBED_RATE) {
            assertTrue(availability >= 0.97, "at least 97 % of operations succeed: " + 100 * availability + " %");
            assertEquals(0, unavailable, "no operation answered 503 doku_unavailable");
        } else {
            // Beyond it, operations whose four attempts all failed are lost, but the breakers still stay closed.
            assertTrue(availability >= 0.8, "at least 80 % of operations succeed: " + 100 * availability + " %");
        }
        assertEquals(0, figures.effectsMismatch, "one DOKU effect per succeeded operation, none for a failed one");
        assertEquals(0, figures.stateMismatch, "gateway and DOKU agree on every payment");
        assertEquals(0, figures.overspend, "never refunded more than captured");
        assertEquals(0, figures.unknownLeft, "nothing left UNKNOWN or in flight");
        assertEquals(0, figures.stuckTransactions, "no connection idle in a transaction");
        assertEquals(0, figures.stuckKeys, "no idempotency key claimed without a response");
        given().port(TestPorts.management()).get("/q/health/ready").then().statusCode(200);
    }

    private void runClients(double faultRate) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                Random random = new Random(SEED + c);
                int client = c;
                clients.add(pool.submit(() -> {
                    for (int i = 0; sent.get() < OPERATIONS; i++) {
                        scenario(random, "FS" + Math.round(100 * faultRate) + "-" + client + "-" + i + "-" + SEED % 1000);
                    }
                    return null;
                }));
            }
            for (Future<?> client : clients) {
                client.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** One customer's story: a sale refunded twice, an authorization captured then refunded, or a page paid. */
    private void scenario(Random random, String invoice) {
        invoices.add(invoice);
        switch (random.nextInt(3)) {
            case 0 -> {
                Response sale = post(invoice + "-c", "/v1/payments", charge(invoice, 100000, "SALE", APPROVE));
                if (sale.statusCode() == 201 && "SUCCEEDED".equals(sale.path("status"))) {
                    emulator.settle(invoice);
                    String id = sale.path("id");
                    post(invoice + "-r1", "/v1/payments/" + id + "/refunds", "{\"amount\": 30000}");
                    post(invoice + "-r2", "/v1/payments/" + id + "/refunds", "{\"amount\": 30000}");
                }
            }
            case 1 -> {
                Response auth = post(invoice + "-c", "/v1/payments", charge(invoice, 100000, "AUTHORIZE", APPROVE));
                if (auth.statusCode() == 201 && "AUTHORIZED".equals(auth.path("status"))) {
                    String id = auth.path("id");
                    Response capture = post(invoice + "-k", "/v1/payments/" + id + "/capture", "{\"amount\": 80000}");
                    if (capture.statusCode() == 200 && "SUCCEEDED".equals(capture.path("status"))) {
                        emulator.settle(invoice);
                        post(invoice + "-r1", "/v1/payments/" + id + "/refunds", "{\"amount\": 50000}");
                    }
                }
            }
            default -> {
                Response page = post(invoice + "-p", "/v1/payments", paymentPage(invoice, 50000));
                if (page.statusCode() == 201) {
                    emulator.pay(invoice, APPROVE);
                }
            }
        }
    }

    private Response post(String key, String path, String body) {
        sent.incrementAndGet();
        Response answer = as(ORDERS).header("Idempotency-Key", key).body(body).post(path);
        answers.computeIfAbsent(answer.statusCode(), s -> new AtomicInteger()).incrementAndGet();
        return answer;
    }

    /** Syncs every payment still open; answers how many are. */
    private long reconcileAll(List<String> ids) {
        List<String> open = db.column("SELECT p.id FROM payments p WHERE p.id = ANY($1) AND (p.status = 'UNKNOWN' "
                + "OR EXISTS (SELECT 1 FROM payment_operations o WHERE o.payment_id = p.id AND o.status IN ('PENDING', 'UNKNOWN')) "
                + "OR (p.flow = 'PAYMENT_PAGE' AND p.status = 'PENDING' AND p.payment_page_url IS NULL))",
                (Object) ids.toArray(String[]::new));
        for (String id : open) {
            as(ORDERS).post("/v1/payments/" + id + "/sync");
        }
        return open.size();
    }

    private static final class Figures {
        long dokuRequests;
        long faulted;
        long succeededOperations;
        long effectsMismatch;
        long stateMismatch;
        long overspend;
        long unknownLeft;
        long stuckTransactions;
        long stuckKeys;
    }

    private Figures check(List<String> ids) {
        Object idArray = ids.toArray(String[]::new);
        LedgerReadout ledger = emulator.ledgerReadout();
        Map<String, LedgerReadout.Request> byRequestId = ledger.requests().stream()
                .collect(Collectors.toMap(LedgerReadout.Request::requestId, Function.identity(), (a, b) -> a));
        Map<String, LedgerReadout.Transaction> byInvoice = ledger.transactions().stream()
                .collect(Collectors.toMap(LedgerReadout.Transaction::invoiceNumber, Function.identity(), (a, b) -> a));
        Figures f = new Figures();
        // Every request of the faulted operations the emulator saw during the run (those it dropped unread carry
        // no invoice); the 3-D Secure checks that precede each charge are made fault-free.
        var received = emulator.requests().stream()
                .filter(r -> r.operation() != EmulatorOperation.CHECK_THREE_D_SECURE)
                .filter(r -> r.invoiceNumber() == null || invoices.contains(r.invoiceNumber())).toList();
        f.dokuRequests = received.size();
        f.faulted = received.stream().filter(r -> r.fault() != null).count();

        for (String row : db.column("SELECT o.status || ' ' || o.doku_request_id FROM payment_operations o "
                + "WHERE o.payment_id = ANY($1)", idArray)) {
            String[] parts = row.split(" ");
            LedgerReadout.Request atDoku = byRequestId.get(parts[1]);
            int effects = atDoku == null ? 0 : atDoku.effects();
            boolean succeeded = parts[0].equals("SUCCEEDED");
            f.succeededOperations += succeeded ? 1 : 0;
            if (succeeded ? effects != 1 : effects != 0) {
                f.effectsMismatch++;
            }
        }
        for (String row : db.column("SELECT invoice_number || ' ' || status || ' ' || captured_amount || ' ' || "
                + "refunded_amount || ' ' || authorized_amount FROM payments WHERE id = ANY($1)", idArray)) {
            String[] p = row.split(" ");
            long captured = Long.parseLong(p[2]);
            long refunded = Long.parseLong(p[3]);
            LedgerReadout.Transaction atDoku = byInvoice.get(p[0]);
            long dokuCaptured = atDoku == null ? 0 : atDoku.capturedAmount();
            long dokuRefunded = atDoku == null ? 0 : atDoku.refundedAmount();
            if (captured != dokuCaptured || refunded != dokuRefunded) {
                System.out.println("FAULT-SUITE mismatch: gateway " + row + " / DOKU " + atDoku);
                f.stateMismatch++;
            }
            if (refunded > captured || dokuRefunded > dokuCaptured) {
                f.overspend++;
            }
            if (p[1].equals("UNKNOWN")) {
                f.unknownLeft++;
            }
        }
        f.unknownLeft += db.count("SELECT count(*) FROM payment_operations WHERE payment_id = ANY($1) "
                + "AND status IN ('PENDING', 'UNKNOWN')", idArray);
        f.stuckTransactions = db.count("SELECT count(*) FROM pg_stat_activity WHERE state LIKE 'idle in transaction%'");
        f.stuckKeys = db.count("SELECT count(*) FROM idempotency_keys WHERE response_status IS NULL");
        return f;
    }
}
