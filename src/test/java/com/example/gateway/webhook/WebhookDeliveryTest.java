package com.example.gateway.webhook;

import com.example.gateway.support.TestPorts;
import static com.example.gateway.support.GatewayApi.ORDERS;
import static com.example.gateway.support.GatewayApi.SUBSCRIPTIONS;
import static com.example.gateway.support.GatewayApi.as;
import static com.example.gateway.support.GatewayApi.charge;
import static com.example.gateway.support.GatewayApi.create;
import static com.example.gateway.support.GatewayApi.newInvoice;
import static com.example.gateway.support.GatewayApi.paymentPage;
import static com.example.gateway.support.Webhooks.deliveries;
import static com.example.gateway.support.Webhooks.expectedSignature;
import static com.example.gateway.support.Webhooks.register;
import static com.example.gateway.support.Webhooks.signatures;
import static com.example.gateway.support.Webhooks.verifies;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.gateway.emulator.EmulatorClient;
import com.example.gateway.emulator.EmulatorFault;
import com.example.gateway.emulator.EmulatorOperation;
import com.example.gateway.payment.AuthorizationExpirySweep;
import com.example.gateway.payment.EventType;
import com.example.gateway.support.Events;
import com.example.gateway.support.FreshEmulatorAndClock;
import com.example.gateway.support.MutableClock;
import com.example.gateway.support.TestDatabase;
import com.example.gateway.support.WebhookReceiver;
import com.example.gateway.support.WebhookReceiver.Answer;
import com.example.gateway.support.WebhookReceiver.Inbox;
import com.example.gateway.support.WebhookReceiver.Received;
import com.example.gateway.support.Webhooks;
import com.example.gateway.support.Webhooks.Registered;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webhooks over real HTTP to a real receiver in this JVM, signatures checked with the Standard
 * Webhooks reference library. The test profile's retry schedule is short (0.2 s steps, a dispatcher
 * tick a second) and its request timeout 2 s.
 */
@QuarkusTest
@FreshEmulatorAndClock
class WebhookDeliveryTest {

    private static final String APPROVE = "4111111111111111";
    private static final String DECLINE = "4000000000000002";
    private static final EmulatorFault[] FOUR_503 = {EmulatorFault.HTTP_503, EmulatorFault.HTTP_503,
            EmulatorFault.HTTP_503, EmulatorFault.HTTP_503};
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final WebhookReceiver RECEIVER = new WebhookReceiver();
    private static final Duration DELIVERED_WITHIN = Duration.ofSeconds(30);

    @Inject
    EmulatorClient emulator;

    @Inject
    MutableClock clock;

    @Inject
    AuthorizationExpirySweep sweep;

    @Inject
    WebhookGauges gauges;

    @Inject
    TestDatabase db;

    @BeforeEach
    void clean() {
        Webhooks.awaitEarlierEventsFannedOut(db);
    }

    @AfterEach
    void removeEndpoints() {
        Webhooks.deleteAll(ORDERS);
        Webhooks.deleteAll(SUBSCRIPTIONS);
    }

    @Test
    void everyChangeReachesTheEndpointOnceInOrderSignedAndAsTheHistoryHasIt() {
        Inbox inbox = RECEIVER.inbox();
        Registered endpoint = register(ORDERS, inbox.url());
        List<String> payments = new ArrayList<>();

        String invoice = newInvoice();
        payments.add(create(ORDERS, paymentPage(invoice, 90000)).statusCode(201).extract().path("id"));
        emulator.pay(invoice, APPROVE);
        payments.add(create(ORDERS, charge(newInvoice(), 10000, "SALE", DECLINE)).statusCode(201).extract().path("id"));
        emulator.scriptFaults(EmulatorOperation.CHARGE, EmulatorFault.ANSWER_LOST, EmulatorFault.DROP_CONNECTION,
                EmulatorFault.DROP_CONNECTION, EmulatorFault.DROP_CONNECTION, EmulatorFault.HOLD_NOTIFICATION);
        String lost = create(ORDERS, charge(newInvoice(), 42000, "SALE", APPROVE)).statusCode(504).extract().path("payment_id");
        as(ORDERS).post("/v1/payments/" + lost + "/sync").then().statusCode(200);
        payments.add(lost);

        String authorizedInvoice = newInvoice();
        String authorized = authorize(authorizedInvoice, 80000);
        emulator.scriptFaults(EmulatorOperation.CAPTURE, FOUR_503);
        as(ORDERS).body("{}").post("/v1/payments/" + authorized + "/capture").then().statusCode(503);
        as(ORDERS).body("{\"amount\": 50000}").post("/v1/payments/" + authorized + "/capture").then().statusCode(200);
        emulator.scriptFaults(EmulatorOperation.REFUND, FOUR_503);
        as(ORDERS).body("{\"amount\": 1000}").post("/v1/payments/" + authorized + "/refunds").then().statusCode(503);
        emulator.settle(authorizedInvoice);
        as(ORDERS).body("{\"amount\": 1000}").post("/v1/payments/" + authorized + "/refunds").then().statusCode(201);
        payments.add(authorized);
        String voided = authorize(newInvoice(), 30000);
        as(ORDERS).body("{\"amount\": 30000}").post("/v1/payments/" + voided + "/refunds").then().statusCode(201);
        payments.add(voided);

        Set<String> types = new TreeSet<>();
        for (String payment : payments) {
            String history = as(ORDERS).get("/v1/payments/" + payment + "/events").then().statusCode(200).extract().asString();
            List<String> ids = json(history).findValuesAsText("id").stream().filter(id -> id.startsWith("evt_")).toList();
            await().atMost(DELIVERED_WITHIN).until(() -> idsReceivedFor(inbox, payment), ids::equals);
            for (Received request : receivedFor(inbox, payment)) {
                assertTrue(verifies(endpoint.secret(), request), "the reference library verifies " + request.webhookId());
                assertTrue(history.contains(request.bodyText()), "the body is the event of the history, byte for byte");
                assertEquals(request.webhookId(), json(request.bodyText()).path("id").asText());
                assertEquals("application/json", request.header("content-type"));
                types.add(json(request.bodyText()).path("type").asText());
            }
        }
        Set<String> expected = Arrays.stream(EventType.values()).map(EventType::wireName)
                .filter(t -> !t.startsWith("authorization.")).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expected, types, "every type but the sweep's (next test)");
    }

    @Test
    void theSweepsEventsAreDeliveredToo() throws Throwable {
        Inbox inbox = RECEIVER.inbox();
        Registered endpoint = register(ORDERS, inbox.url());
        String id = authorize(newInvoice(), 70000);
        clock.advance(Duration.ofDays(6).plusMinutes(1));
        VertxContextSupport.subscribeAndAwait(() -> sweep.warnOnce());
        clock.advance(Duration.ofDays(1));
        VertxContextSupport.subscribeAndAwait(() -> sweep.warnOnce());
        VertxContextSupport.subscribeAndAwait(() -> sweep.runOnce());

        await().atMost(DELIVERED_WITHIN).until(() -> typesReceivedFor(inbox, id),
                List.of("payment.authorized/api", "authorization.expiring/sweep", "authorization.expired/sweep")::equals);
        // The gateway's clock is days ahead, so check the signature itself rather than the timestamp.
        receivedFor(inbox, id).forEach(request ->
                assertEquals(List.of(expectedSignature(endpoint.secret(), request)), signatures(request)));
    }

    @Test
    void aReceiverFailingFiveTimesThenSucceedingGetsTheEventWithTheSameWebhookId() {
        Inbox inbox = RECEIVER.inbox().script(Answer.of(500), Answer.of(500), Answer.of(502), Answer.of(500), Answer.of(404));
        Registered endpoint = register(ORDERS, inbox.url());
        String id = create(ORDERS, paymentPage(newInvoice(), 20000)).statusCode(201).extract().path("id");

        await().atMost(DELIVERED_WITHIN).until(() -> delivery(id).get("status"), "delivered"::equals);
        List<Received> attempts = inbox.received();
        assertEquals(6, attempts.size());
        assertEquals(1, attempts.stream().map(Received::webhookId).distinct().count(), "one webhook-id for every attempt");
        assertEquals(1, attempts.stream().map(Received::bodyText).distinct().count(), "the same body every time");
        attempts.forEach(request -> assertTrue(verifies(endpoint.secret(), request)));
        Map<String, Object> delivered = delivery(id);
        assertEquals(6, delivered.get("attempts"));
        assertEquals(200, delivered.get("last_response_status"));
    }

    @Test
    void goneDisablesTheEndpoint() throws Throwable {
        Inbox inbox = RECEIVER.inbox().script(Answer.of(410));
        Registered endpoint = register(ORDERS, inbox.url());
        String first = create(ORDERS, paymentPage(newInvoice(), 21000)).statusCode(201).extract().path("id");
        await().atMost(DELIVERED_WITHIN).until(() -> delivery(first).get("status"), "failed"::equals);
        as(ORDERS).get("/v1/webhook-endpoints/" + endpoint.id()).then().statusCode(200)
                .body("status", equalTo("disabled")).body("disabled_reason", equalTo("the receiver answered 410 Gone"));

        create(ORDERS, paymentPage(newInvoice(), 22000)).statusCode(201);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> inbox.received().size() == 1);
        as(ORDERS).post("/v1/webhook-deliveries/" + delivery(first).get("id") + "/retry").then().statusCode(409)
                .body("code", equalTo("webhook_endpoint_disabled"));
        VertxContextSupport.subscribeAndAwait(() -> gauges.refresh());
        String metrics = given().port(TestPorts.management()).get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("gateway_webhook_endpoints_disabled"), "the disabled-endpoints gauge");
        assertTrue(metrics.contains("gateway_webhook_attempts_total{result=\"410\"}"), "attempts by result");
        assertTrue(metrics.contains("gateway_webhook_deliveries_total{outcome=\"failed\"}"), "deliveries by outcome");
        assertTrue(metrics.contains("gateway_webhook_backlog_oldest_seconds"), "the age of the oldest undelivered event");
    }

    @Test
    void retryAfterOf429And503IsHonoured() {
        Inbox inbox = RECEIVER.inbox().script(new Answer(429, "3", Duration.ZERO), new Answer(503, "2", Duration.ZERO));
        register(ORDERS, inbox.url());
        String id = create(ORDERS, paymentPage(newInvoice(), 23000)).statusCode(201).extract().path("id");

        await().atMost(DELIVERED_WITHIN).until(() -> delivery(id).get("status"), "delivered"::equals);
        List<Instant> at = inbox.received().stream().map(Received::at).toList();
        assertEquals(3, at.size());
        assertTrue(Duration.between(at.get(0), at.get(1)).toMillis() >= 2900, "waited 3 s after the 429: " + at);
        assertTrue(Duration.between(at.get(1), at.get(2)).toMillis() >= 1900, "waited 2 s after the 503: " + at);
    }

    @Test
    void anAttemptPastTheRequestTimeoutFailsAndIsRetried() {
        Inbox inbox = RECEIVER.inbox().script(new Answer(200, null, Duration.ofSeconds(3)));
        register(ORDERS, inbox.url());
        String id = create(ORDERS, paymentPage(newInvoice(), 24000)).statusCode(201).extract().path("id");

        await().atMost(DELIVERED_WITHIN).until(() -> delivery(id).get("status"), "delivered"::equals);
        assertEquals(2, inbox.received().size());
        assertEquals(2, delivery(id).get("attempts"));
    }

    @Test
    void anotherClientNeverReceivesTheEvent() {
        Inbox orders = RECEIVER.inbox();
        Inbox subscriptions = RECEIVER.inbox();
        register(ORDERS, orders.url());
        register(SUBSCRIPTIONS, subscriptions.url());
        String ours = create(ORDERS, paymentPage(newInvoice(), 25000)).statusCode(201).extract().path("id");
        String theirs = create(SUBSCRIPTIONS, paymentPage(newInvoice(), 26000)).statusCode(201).extract().path("id");

        await().atMost(DELIVERED_WITHIN).until(() -> !receivedFor(orders, ours).isEmpty() && !receivedFor(subscriptions, theirs).isEmpty());
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() ->
                receivedFor(subscriptions, ours).isEmpty() && receivedFor(orders, theirs).isEmpty());
        as(SUBSCRIPTIONS).get("/v1/webhook-deliveries").then().statusCode(200)
                .body("items.payment_id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(ours)));
    }

    @Test
    void anEndpointGetsOnlyTheTypesItAskedFor() {
        Inbox inbox = RECEIVER.inbox();
        register(ORDERS, inbox.url(), "payment.succeeded");
        String invoice = newInvoice();
        String id = create(ORDERS, paymentPage(invoice, 27000)).statusCode(201).extract().path("id");
        emulator.pay(invoice, APPROVE);

        await().atMost(DELIVERED_WITHIN).until(() -> typesReceivedFor(inbox, id), List.of("payment.succeeded/notification")::equals);
    }

    @Test
    void afterARotationBothSecretsSignForADayThenOnlyTheNewOne() {
        Inbox inbox = RECEIVER.inbox();
        Registered endpoint = register(ORDERS, inbox.url());
        String newSecret = as(ORDERS).post("/v1/webhook-endpoints/" + endpoint.id() + "/rotate-secret").then().statusCode(200)
                .body("id", equalTo(endpoint.id())).extract().path("secret");
        assertFalse(newSecret.equals(endpoint.secret()));
        String during = create(ORDERS, paymentPage(newInvoice(), 28000)).statusCode(201).extract().path("id");
        await().atMost(DELIVERED_WITHIN).until(() -> receivedFor(inbox, during).size() == 1);
        Received rotated = receivedFor(inbox, during).get(0);
        assertEquals(2, signatures(rotated).size(), rotated.header("webhook-signature"));
        assertTrue(verifies(newSecret, rotated), "the new secret verifies");
        assertTrue(verifies(endpoint.secret(), rotated), "the previous secret still verifies");

        clock.advance(Duration.ofHours(25));
        String after = create(ORDERS, paymentPage(newInvoice(), 29000)).statusCode(201).extract().path("id");
        await().atMost(DELIVERED_WITHIN).until(() -> receivedFor(inbox, after).size() == 1);
        Received later = receivedFor(inbox, after).get(0);
        assertEquals(List.of(expectedSignature(newSecret, later)), signatures(later), "only the new secret signs");
    }

    @Test
    void aDeliveryThatRanOutOfAttemptsIsListedFailedAndSentAgainOnRequest() {
        Inbox inbox = RECEIVER.inbox().otherwise(Answer.of(500));
        register(ORDERS, inbox.url());
        String id = create(ORDERS, paymentPage(newInvoice(), 30000)).statusCode(201).extract().path("id");

        await().atMost(Duration.ofSeconds(60)).until(() -> delivery(id).get("status"), "failed"::equals);
        assertEquals(List.of("payment.pending/api"), Events.typesAndCauses(ORDERS, id));
        Map<String, Object> failed = delivery(id);
        assertEquals(10, failed.get("attempts"), "the schedule has ten attempts");
        assertEquals(500, failed.get("last_response_status"));
        assertEquals("HTTP 500", failed.get("last_error"));
        assertTrue(deliveries(ORDERS, "failed").stream().anyMatch(d -> d.get("id").equals(failed.get("id"))));

        inbox.otherwise(Answer.of(200));
        as(ORDERS).post("/v1/webhook-deliveries/" + failed.get("id") + "/retry").then().statusCode(200)
                .body("status", equalTo("pending")).body("attempts", equalTo(0));
        await().atMost(DELIVERED_WITHIN).until(() -> delivery(id).get("status"), "delivered"::equals);
        assertEquals(11, inbox.received().size(), () -> inbox.received().stream()
                .map(r -> r.at() + " " + r.webhookId() + " " + r.answered()).toList().toString());
        assertEquals(1, inbox.received().stream().map(Received::webhookId).distinct().count());
    }

    /** An authorization whose notification DOKU holds back: its answer moves the payment (cause api). */
    private String authorize(String invoice, long amount) {
        emulator.scriptFaults(EmulatorOperation.CHARGE, EmulatorFault.HOLD_NOTIFICATION);
        return create(ORDERS, charge(invoice, amount, "AUTHORIZE", APPROVE)).statusCode(201).extract().path("id");
    }

    /** The newest delivery of the client for this payment. */
    private static Map<String, Object> delivery(String paymentId) {
        return Webhooks.deliveries(ORDERS, null).stream().filter(d -> paymentId.equals(d.get("payment_id")))
                .findFirst().orElse(Map.of());
    }

    private static List<Received> receivedFor(Inbox inbox, String paymentId) {
        return inbox.received().stream()
                .filter(r -> paymentId.equals(json(r.bodyText()).path("data").path("id").asText())).toList();
    }

    private static List<String> idsReceivedFor(Inbox inbox, String paymentId) {
        return receivedFor(inbox, paymentId).stream().map(Received::webhookId).toList();
    }

    private static List<String> typesReceivedFor(Inbox inbox, String paymentId) {
        return receivedFor(inbox, paymentId).stream().map(r -> json(r.bodyText()))
                .map(e -> e.path("type").asText() + "/" + e.path("cause").asText()).toList();
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
