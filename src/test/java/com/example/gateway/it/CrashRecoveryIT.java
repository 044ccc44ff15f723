package com.example.gateway.it;

import static com.example.gateway.support.GatewayApi.ORDERS;
import static com.example.gateway.support.GatewayApi.charge;
import static com.example.gateway.support.GatewayApi.paymentPage;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.gateway.emulator.EmulatorOperation;
import com.example.gateway.emulator.EmulatorClient;
import com.example.gateway.emulator.EmulatorFault;
import com.example.gateway.emulator.ReceivedRequest;
import com.example.gateway.emulator.TransactionSnapshot;
import com.example.gateway.support.FreshEmulatorAndClock;
import com.example.gateway.support.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The packaged service is SIGKILLed while payment pages, charges, captures and refunds are in flight
 * at DOKU, then restarted: everything it had started is settled by reconciliation, nothing reached
 * DOKU twice, its statuses agree with DOKU's, and the clients' idempotency keys work again.
 */
@QuarkusTest
@FreshEmulatorAndClock
class CrashRecoveryIT {

    private static final String APPROVE = "4111111111111111";
    private static final int EACH = 3;
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(90);

    @Inject
    EmulatorClient emulator;

    @Inject
    TestDatabase db;

    private final String run = "CRASH-" + UUID.randomUUID().toString().substring(0, 8);

    /** One client request, retried with the same key and body after the crash. */
    private record ClientRequest(String path, String key, String body) {
    }

    /** What the gateway answered, readable in a failure message. */
    private record Answer(int status, String code, String body) {
        static Answer of(Response response) {
            return new Answer(response.statusCode(), response.statusCode() >= 400 ? response.path("code") : null,
                    response.asString());
        }

        boolean keyStillInUse() {
            return status == 409 && "idempotency_key_in_use".equals(code);
        }
    }

    @Test
    void killedMidFlightThenRestartedSettlesEverythingOnce() throws Exception {
        List<ClientRequest> inFlight;
        long unsettledAtKill;
        try (PackagedGateway first = PackagedGateway.start("crash-first")) {
            inFlight = requestsOnExistingPayments(first);
            for (int i = 0; i < EACH; i++) {
                inFlight.add(new ClientRequest("/v1/payments", run + "-page-" + i, paymentPage(invoice("page", i), 30000)));
                inFlight.add(new ClientRequest("/v1/payments", run + "-charge-" + i,
                        charge(invoice("charge", i), 40000, "SALE", APPROVE)));
            }
            holdDokuAnswers();

            ExecutorService clients = Executors.newFixedThreadPool(inFlight.size());
            try {
                // Their answers are lost with the process, as a real client's would be; they retry below.
                inFlight.forEach(request -> CompletableFuture.runAsync(() -> send(first, request), clients));
                // DELAY ledgers the request at once and answers after emulator.delay (2 s): kill in between.
                await().atMost(Duration.ofSeconds(30)).until(this::heldRequests, held -> held == inFlight.size());
                first.kill();
            } finally {
                clients.shutdownNow();
            }
            unsettledAtKill = db.count(LeftBehind.UNSETTLED, run + "%");
            assertNoSecretsIn(first.output());
        }
        System.out.printf("[crash] requests in flight at SIGKILL: %d; write-ahead rows left unsettled: %d%n",
                inFlight.size(), unsettledAtKill);
        assertEquals(inFlight.size(), unsettledAtKill, "each request in flight leaves its write-ahead row behind");

        Instant restart = Instant.now();
        try (PackagedGateway second = PackagedGateway.start("crash-second")) {
            System.out.printf("[crash] restarted and ready in %d ms%n", Duration.between(restart, Instant.now()).toMillis());
            assertEquals(200, second.readiness());

            retryEachWithItsKey(second, inFlight);
            Instant settleStart = Instant.now();
            await().atMost(SETTLE_TIMEOUT).until(() -> db.count(LeftBehind.UNSETTLED, run + "%"), n -> n == 0);
            System.out.printf("[crash] all write-ahead rows settled %d ms after the retries%n",
                    Duration.between(settleStart, Instant.now()).toMillis());
            assertNoSecretsIn(second.output());
        }

        assertEachDokuEffectOnce();
        assertGatewayAgreesWithDoku();
    }

    /** The client's retry, same key and body: once the key's lease has run out, a real answer. */
    private static void retryEachWithItsKey(PackagedGateway gateway, List<ClientRequest> requests) {
        Instant start = Instant.now();
        Map<String, Integer> answers = new TreeMap<>();
        for (ClientRequest request : requests) {
            Answer answer = await().atMost(Duration.ofSeconds(60))
                    .until(() -> Answer.of(send(gateway, request)), a -> !a.keyStillInUse());
            answers.put(request.key(), answer.status());
            assertTrue(answer.status() < 500, request.key() + " answered " + answer);
        }
        System.out.printf("[crash] every key usable again within %d ms; answers: %s%n",
                Duration.between(start, Instant.now()).toMillis(), answers);
    }

    /** The production log level must not leak the card or the DOKU secret. */
    private static void assertNoSecretsIn(String log) {
        assertFalse(log.contains(APPROVE), "card number in the packaged service's log");
        assertFalse(log.contains(ConfigProvider.getConfig().getValue("doku.secret-key", String.class)),
                "DOKU secret in the packaged service's log");
    }

    /** Creates the payments to capture and refund (before any fault is scripted); answers those requests. */
    private List<ClientRequest> requestsOnExistingPayments(PackagedGateway gateway) {
        List<ClientRequest> requests = new ArrayList<>();
        for (int i = 0; i < EACH; i++) {
            String authorized = created(gateway, charge(invoice("auth", i), 50000, "AUTHORIZE", APPROVE));
            requests.add(new ClientRequest("/v1/payments/" + authorized + "/capture", run + "-capture-" + i, "{}"));
            String saleInvoice = invoice("sale", i);
            String sale = created(gateway, charge(saleInvoice, 20000, "SALE", APPROVE));
            emulator.settle(saleInvoice);
            requests.add(new ClientRequest("/v1/payments/" + sale + "/refunds", run + "-refund-" + i,
                    "{\"amount\": 5000, \"reason\": \"crash test\"}"));
        }
        return requests;
    }

    /**
     * Every DOKU call of the batch is processed and then answered late; notifications are held so
     * that only reconciliation, not a notification, can tell the restarted service what happened.
     */
    private void holdDokuAnswers() {
        for (EmulatorOperation operation : List.of(EmulatorOperation.PAYMENT_PAGE, EmulatorOperation.CHARGE,
                EmulatorOperation.CAPTURE, EmulatorOperation.REFUND)) {
            for (int i = 0; i < EACH; i++) {
                emulator.scriptFaults(operation, EmulatorFault.DELAY, EmulatorFault.HOLD_NOTIFICATION);
            }
        }
    }

    private long heldRequests() {
        return emulator.requests().stream().filter(r -> r.fault() == EmulatorFault.DELAY).count();
    }

    private static Response send(PackagedGateway gateway, ClientRequest request) {
        return gateway.as(ORDERS).header("Idempotency-Key", request.key()).body(request.body()).post(request.path());
    }

    private static String created(PackagedGateway gateway, String body) {
        return gateway.as(ORDERS).body(body).post("/v1/payments").then().statusCode(201).extract().path("id");
    }

    private String invoice(String kind, int i) {
        return run + "-" + kind + "-" + i;
    }

    /** DOKU ledgers effects per Request-Id; and each client key moved money at most once. */
    private void assertEachDokuEffectOnce() {
        List<String> requestIds = emulator.requests().stream().map(ReceivedRequest::requestId).distinct().toList();
        int mostEffects = requestIds.stream().mapToInt(emulator::effects).max().orElse(0);
        long replays = emulator.requests().stream().filter(ReceivedRequest::replayed).count();
        System.out.printf("[crash] DOKU saw %d requests, %d Request-Ids, %d replays; most effects for one Request-Id: %d%n",
                emulator.requests().size(), requestIds.size(), replays, mostEffects);
        assertTrue(mostEffects <= 1, "a DOKU effect happened twice for one Request-Id");
        for (int i = 0; i < EACH; i++) {
            assertEquals(1, snapshot(invoice("auth", i)).captures().size(), "one capture per capture key");
            assertEquals(1, snapshot(invoice("sale", i)).refunds().size(), "one refund per refund key");
        }
    }

    /** The gateway's status and amounts of every payment of this run equal what DOKU holds. */
    private void assertGatewayAgreesWithDoku() {
        List<String> rows = db.column("SELECT invoice_number || '|' || status || '|' || captured_amount || '|' || refunded_amount "
                + "FROM payments WHERE invoice_number LIKE $1 ORDER BY invoice_number", run + "%");
        assertEquals(4 * EACH, rows.size(), rows.toString());
        Map<String, String> mismatches = rows.stream().map(row -> row.split("\\|"))
                .filter(row -> !agrees(row, snapshot(row[0])))
                .collect(Collectors.toMap(row -> row[0], row -> String.join(" ", row)));
        System.out.printf("[crash] %d payments compared with DOKU, %d disagree%n", rows.size(), mismatches.size());
        assertEquals(Map.of(), mismatches);
    }

    private static boolean agrees(String[] gateway, TransactionSnapshot doku) {
        return gateway[1].equals(expectedStatus(doku)) && Long.parseLong(gateway[3]) == doku.refundedAmount()
                && ("AUTHORIZE".equals(doku.paymentType()) ? Long.parseLong(gateway[2]) == doku.capturedAmount() : true);
    }

    /** The gateway status DOKU's record of a transaction calls for. */
    static String expectedStatus(TransactionSnapshot doku) {
        Function<TransactionSnapshot, String> success = t -> t.refundedAmount() > 0 ? "PARTIALLY_REFUNDED"
                : "AUTHORIZE".equals(t.paymentType()) && t.capturedAmount() == 0 ? "AUTHORIZED" : "SUCCEEDED";
        return switch (doku.status()) {
            case "SUCCESS" -> success.apply(doku);
            case "PENDING", "FAILED", "REFUNDED", "VOIDED" -> doku.status();
            default -> "unexpected DOKU status " + doku.status();
        };
    }

    private TransactionSnapshot snapshot(String invoice) {
        return emulator.transaction(invoice).orElseThrow(() -> new AssertionError("DOKU has no " + invoice));
    }
}
