package com.example.gateway.it;

import static com.example.gateway.support.GatewayApi.ORDERS;
import static com.example.gateway.support.GatewayApi.as;
import static com.example.gateway.support.GatewayApi.charge;
import static com.example.gateway.support.GatewayApi.paymentPage;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.gateway.emulator.EmulatorClient;
import com.example.gateway.emulator.EmulatorFault;
import com.example.gateway.emulator.EmulatorOperation;
import com.example.gateway.support.TestDatabase;
import com.example.gateway.support.WebhookReceiver;
import com.example.gateway.support.WebhookReceiver.Answer;
import com.example.gateway.support.WebhookReceiver.Inbox;
import com.example.gateway.support.WebhookReceiver.Received;
import com.example.gateway.support.Webhooks;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A rolling update as Kubernetes runs it: two packaged gateways share the database and DOKU behind a
 * Service that routes to ready instances only; while a steady mix of requests flows, one instance is
 * sent SIGTERM. No caller sees a failure, and the stopped instance leaves nothing half done: no
 * write-ahead row without its answer, no idempotency key still leased, no webhook delivery lost or
 * sent without being recorded.
 */
@QuarkusTest
class GracefulRolloutIT {

    private static final String APPROVE = "4111111111111111";
    /**
     * The Deployment's readiness probe (failureThreshold 3) with its period scaled down from 5 s to 250 ms,
     * and a timeout of 4 s: on a crowded machine a healthy instance can take seconds to answer, and a
     * Service with no endpoint would fail requests for reasons that are not the rollout's.
     */
    private static final Duration PROBE_PERIOD = Duration.ofMillis(250);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(4);
    private static final int PROBE_FAILURE_THRESHOLD = 3;
    /**
     * Readiness DOWN this long before the server stops taking requests: over the probing's worst case,
     * three probes in a row that each time out (12 s); usually the first answer DOWN takes it out at once.
     */
    private static final Map<String, String> SHUTDOWN = Map.of("QUARKUS_SHUTDOWN_DELAY", "15s");
    /** Five requests a second: what one instance serves with room to spare on a shared 2-core machine. */
    private static final Duration PACE = Duration.ofMillis(200);
    /** Refunds of one payment take turns (its row is locked): spread them over this many. */
    private static final int REFUNDABLE = 12;
    /** A receiver slow enough that deliveries are in flight when the instance stops. */
    private static final Duration RECEIVER_LATENCY = Duration.ofMillis(500);

    @Inject
    EmulatorClient emulator;

    @Inject
    TestDatabase db;

    @Inject
    Vertx vertx;

    private final String run = "ROLL-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void sigtermMidLoadFailsNoRequestAndLeavesNothingHalfDone() {
        emulator.reset();
        Webhooks.deleteAll(ORDERS);
        Map<String, String> environment = new HashMap<>(PackagedGateway.LOOPBACK_WEBHOOKS);
        environment.putAll(SHUTDOWN);
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Inbox inbox = receiver.inbox().otherwise(new Answer(200, null, RECEIVER_LATENCY));
            String endpoint = Webhooks.register(ORDERS, inbox.url()).id();
            CompletableFuture<PackagedGateway> startingA = CompletableFuture.supplyAsync(
                    () -> PackagedGateway.start("rollout-a", environment));
            CompletableFuture<PackagedGateway> startingB = CompletableFuture.supplyAsync(
                    () -> PackagedGateway.start("rollout-b", environment));
            try (PackagedGateway a = startingA.join(); PackagedGateway b = startingB.join();
                    ServiceLoadBalancer service = ServiceLoadBalancer.over(vertx, List.of(a, b), PROBE_PERIOD,
                            PROBE_TIMEOUT, PROBE_FAILURE_THRESHOLD);
                    SteadyLoad load = new SteadyLoad(service.port(), run, settledCharges(service))) {
                warmUp(a, load);
                warmUp(b, load);

                load.start(PACE);
                await().atMost(Duration.ofSeconds(10)).until(load::sentSoFar, sent -> sent >= 15);
                long routedToABeforeStop = service.routedTo(a);
                // DOKU answers the next calls late, so that some requests are still in flight when the drain begins.
                for (EmulatorOperation operation : List.of(EmulatorOperation.PAYMENT_PAGE, EmulatorOperation.CHARGE,
                        EmulatorOperation.REFUND)) {
                    emulator.scriptFaults(operation, EmulatorFault.DELAY, EmulatorFault.DELAY);
                }
                Instant sigterm = Instant.now();
                Duration shutdown = a.stop(Duration.ofSeconds(60));
                long routedToAAfterSigterm = service.routedTo(a) - routedToABeforeStop;
                long sentAtExit = load.sentSoFar();
                await().atMost(Duration.ofSeconds(10)).until(load::sentSoFar, sent -> sent >= sentAtExit + 10);
                List<SteadyLoad.Outcome> outcomes = load.stop(Duration.ofSeconds(30));

                List<SteadyLoad.Outcome> failed = outcomes.stream().filter(SteadyLoad.Outcome::failed).toList();
                System.out.printf("[rollout] %d requests at one per %d ms: %s; to instance A %d before SIGTERM and %d "
                                + "after, to B %d; the Service dropped A %s ms after SIGTERM; A's graceful shutdown took %d ms%n",
                        outcomes.size(), PACE.toMillis(), new TreeMap<>(SteadyLoad.tally(outcomes)),
                        routedToABeforeStop, routedToAAfterSigterm, service.routedTo(b),
                        service.unreadySince(a).map(at -> Long.toString(Duration.between(sigterm, at).toMillis())).orElse("never"),
                        shutdown.toMillis());
                System.out.printf("[rollout] slowest: %s%n", outcomes.stream()
                        .sorted(Comparator.comparing(SteadyLoad.Outcome::took).reversed()).limit(3)
                        .map(o -> o.kind() + " " + o.status() + " " + o.took().toMillis() + " ms").toList());
                assertTrue(routedToABeforeStop > 0, "instance A took part before it was stopped");
                assertEquals(0, failed.size(), () -> "requests answered otherwise than a healthy service answers: "
                        + new TreeMap<>(SteadyLoad.tally(failed)) + ", the first: " + failed.stream().limit(3).toList());

                assertNothingHalfDone(inbox, endpoint);
            }
        }
    }

    /** One request of each kind straight to the instance, so that the load meets no cold JVM. */
    private void warmUp(PackagedGateway gateway, SteadyLoad load) {
        String page = gateway.as(ORDERS).body(paymentPage(run + "-warm-" + gateway, 25000)).post("/v1/payments")
                .then().statusCode(201).extract().path("id");
        gateway.as(ORDERS).get("/v1/payments/" + page).then().statusCode(200);
        gateway.as(ORDERS).body("{\"amount\": 1000, \"reason\": \"warm-up\"}")
                .post("/v1/payments/" + load.settled().get(0) + "/refunds").then().statusCode(201);
    }

    /** Settled MOTO sales, refundable many times over, made before the load starts. */
    private List<String> settledCharges(ServiceLoadBalancer service) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < REFUNDABLE; i++) {
            String invoice = run + "-settled-" + i;
            ids.add(as(ORDERS).port(service.port()).body(charge(invoice, 1_000_000, "MOTO", APPROVE)).post("/v1/payments")
                    .then().statusCode(201).extract().path("id"));
            emulator.settle(invoice);
        }
        return ids;
    }

    private void assertNothingHalfDone(Inbox inbox, String endpoint) {
        String[] payments = db.column("SELECT id FROM payments WHERE invoice_number LIKE $1", run + "%")
                .toArray(String[]::new);
        Instant settling = Instant.now();
        // Deliveries made after the load (the last events' fan-out) take a tick or two: wait, with a deadline.
        await().atMost(Duration.ofSeconds(20)).until(() -> db.count(LeftBehind.UNDELIVERED, (Object) payments), n -> n == 0);
        long events = db.count("SELECT count(*) FROM payment_events WHERE payment_id = ANY($1)", (Object) payments);
        // Every attempt the receiver saw must be one an instance recorded: an attempt made but never recorded
        // (cut off by the shutdown) is sent again after its lease, a copy the records know nothing of.
        // Attempts that timed out under load and were retried are recorded, so they do not count.
        Map<String, Long> seen = inbox.received().stream()
                .collect(Collectors.groupingBy(Received::webhookId, Collectors.counting()));
        Map<String, Long> recorded = db.column("SELECT event_id || ' ' || attempts FROM webhook_deliveries "
                        + "WHERE endpoint_id = $1 AND payment_id = ANY($2)", endpoint, (Object) payments).stream()
                .map(row -> row.split(" ")).collect(Collectors.toMap(row -> row[0], row -> Long.parseLong(row[1])));
        Map<String, String> unrecorded = seen.entrySet().stream()
                .filter(e -> recorded.containsKey(e.getKey()) && e.getValue() > recorded.get(e.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue() + " seen, " + recorded.get(e.getKey()) + " recorded"));
        System.out.printf("[rollout] %d payments, %d events, all delivered %d ms after the load; attempts seen %d, recorded %d%n",
                payments.length, events, Duration.between(settling, Instant.now()).toMillis(),
                seen.entrySet().stream().filter(e -> recorded.containsKey(e.getKey())).mapToLong(Map.Entry::getValue).sum(),
                recorded.values().stream().mapToLong(Long::longValue).sum());

        assertEquals(0, db.count(LeftBehind.UNSETTLED, run + "%"), "payments or operations left without their answer");
        assertEquals(0, db.count(LeftBehind.OPEN_IDEMPOTENCY_KEYS, run + "-key-%"), "idempotency keys still leased");
        assertEquals(0, db.count("SELECT count(*) FROM webhook_deliveries WHERE endpoint_id = $1 AND status <> 'delivered' "
                + "AND payment_id = ANY($2)", endpoint, (Object) payments), "deliveries not delivered");
        assertEquals(Map.of(), unrecorded, "webhook attempts an instance made but, stopped, never recorded");
    }
}
