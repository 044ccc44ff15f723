package com.example.gateway.it;

import static com.example.gateway.support.GatewayApi.ORDERS;
import static com.example.gateway.support.GatewayApi.as;
import static com.example.gateway.support.GatewayApi.charge;
import static com.example.gateway.support.GatewayApi.create;
import static com.example.gateway.support.GatewayApi.paymentPage;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.gateway.emulator.EmulatorOperation;
import com.example.gateway.emulator.EmulatorClient;
import com.example.gateway.emulator.ReceivedRequest;
import com.example.gateway.emulator.TransactionSnapshot;
import com.example.gateway.payment.ReconciliationJob;
import com.example.gateway.support.FreshEmulatorAndClock;
import com.example.gateway.support.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two gateway instances on one database: the packaged service as its own process, and the in-test
 * application. Jobs must handle each item once, and refunds spread over both must never overspend.
 */
@QuarkusTest
@FreshEmulatorAndClock
class TwoInstancesIT {

    private static final String APPROVE = "4111111111111111";
    private static PackagedGateway other;

    @Inject
    EmulatorClient emulator;

    @Inject
    TestDatabase db;

    @Inject
    ReconciliationJob job;

    private final String run = "TWO-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void startOtherInstance() {
        other = PackagedGateway.start("second-instance");
    }

    @AfterAll
    static void stopOtherInstance() {
        if (other != null) {
            other.close();
        }
    }

    @Test
    void reconciliationOnBothInstancesChecksEachDuePaymentOnce() throws Exception {
        int due = 40;
        for (int i = 0; i < due; i++) {
            create(ORDERS, paymentPage(run + "-" + i, 10000)).statusCode(201);
        }
        // Everything due at once: the packaged instance's job (every second) and this one's race for them.
        db.count("WITH due AS (UPDATE payments SET next_reconcile_at = now() WHERE invoice_number LIKE $1 RETURNING 1) "
                + "SELECT count(*) FROM due", run + "%");

        // Join in once the packaged instance has started on them, so that both really take part.
        int checkedBeforeJoining = await().atMost(Duration.ofSeconds(30))
                .until(() -> checksPerInvoice().size(), checked -> checked > 0);
        AtomicInteger claimedHere = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(3);
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                List<CompletableFuture<Integer>> rounds = new ArrayList<>();
                for (int w = 0; w < 3; w++) {
                    rounds.add(CompletableFuture.supplyAsync(this::runJobHere, workers));
                }
                rounds.forEach(round -> claimedHere.addAndGet(round.join()));
                return checksPerInvoice().size();
            }, checked -> checked == due);
        } finally {
            workers.shutdown();
        }
        // DOKU sees a check before its instance records the attempt: wait until every attempt is recorded.
        await().atMost(Duration.ofSeconds(30)).until(() -> db.count(
                "SELECT count(*) FROM payments WHERE invoice_number LIKE $1 AND reconcile_attempts = 0", run + "%"), n -> n == 0);

        Map<String, Long> checks = checksPerInvoice();
        long attemptsAboveOne = db.count("SELECT count(*) FROM payments WHERE invoice_number LIKE $1 AND reconcile_attempts <> 1",
                run + "%");
        System.out.printf("[two-instances] %d due payments; checked by the packaged instance before the in-test one "
                        + "joined: %d; claimed by the in-test instance (3 concurrent runners): %d; "
                        + "check-status requests per payment: min %d, max %d%n",
                due, checkedBeforeJoining, claimedHere.get(),
                checks.values().stream().mapToLong(Long::longValue).min().orElse(0),
                checks.values().stream().mapToLong(Long::longValue).max().orElse(0));
        assertEquals(due, checks.size());
        assertTrue(checkedBeforeJoining < due && claimedHere.get() > 0, "both instances took part");
        assertTrue(checks.values().stream().allMatch(n -> n == 1), "each due payment checked once: " + checks);
        assertEquals(0, attemptsAboveOne, "each due payment reconciled once");
    }

    @Test
    void concurrentRefundsOverBothInstancesNeverOverspend() throws Exception {
        String invoice = run + "-refunds";
        String id = create(ORDERS, charge(invoice, 100000, "SALE", APPROVE)).statusCode(201).extract().path("id");
        emulator.settle(invoice);

        int attempts = 24;
        List<Supplier<RequestSpecification>> instances = List.of(() -> as(ORDERS), () -> other.as(ORDERS));
        ExecutorService clients = Executors.newFixedThreadPool(attempts);
        List<Response> answers;
        try {
            List<CompletableFuture<Response>> sent = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                Supplier<RequestSpecification> instance = instances.get(i % 2);
                sent.add(CompletableFuture.supplyAsync(() -> instance.get()
                        .body("{\"amount\": 10000, \"reason\": \"two instances\"}")
                        .post("/v1/payments/" + id + "/refunds"), clients));
            }
            answers = sent.stream().map(CompletableFuture::join).toList();
        } finally {
            clients.shutdown();
        }

        Map<String, Long> outcomes = answers.stream().collect(Collectors.groupingBy(
                r -> r.statusCode() + (r.statusCode() >= 400 ? " " + r.path("code") : ""), Collectors.counting()));
        long refundedInDb = db.count("SELECT refunded_amount FROM payments WHERE id = $1", id);
        long succeededInDb = db.count("SELECT coalesce(sum(amount), 0) FROM payment_operations "
                + "WHERE payment_id = $1 AND kind = 'REFUND' AND status = 'SUCCEEDED'", id);
        TransactionSnapshot atDoku = emulator.transaction(invoice).orElseThrow();
        System.out.printf("[two-instances] %d refunds of 10000 on a 100000 capture over 2 instances: %s; "
                        + "refunded at DOKU %d in %d refunds, in the DB %d%n",
                attempts, outcomes, atDoku.refundedAmount(), atDoku.refunds().size(), refundedInDb);

        assertEquals(Map.of("201", 10L, "422 amount_exceeds_refundable", (long) attempts - 10), outcomes);
        assertEquals(100000, atDoku.refundedAmount());
        assertEquals(10, atDoku.refunds().size());
        assertEquals(100000, refundedInDb);
        assertEquals(100000, succeededInDb);
    }

    /** One run of the in-test instance's job, on a Vert.x context as its scheduler would run it. */
    private int runJobHere() {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> job.runOnce());
        } catch (Throwable failure) {
            throw new IllegalStateException("the reconciliation job failed", failure);
        }
    }

    private Map<String, Long> checksPerInvoice() {
        return emulator.requests(EmulatorOperation.CHECK_STATUS).stream()
                .map(ReceivedRequest::invoiceNumber)
                .filter(invoice -> invoice != null && invoice.startsWith(run))
                .collect(Collectors.groupingBy(invoice -> invoice, Collectors.counting()));
    }
}
