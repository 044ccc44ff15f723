package com.example.gateway.flow;

import static com.example.gateway.support.GatewayApi.ORDERS;
import static com.example.gateway.support.GatewayApi.as;
import static com.example.gateway.support.GatewayApi.charge;
import static com.example.gateway.support.GatewayApi.create;
import static com.example.gateway.support.GatewayApi.newInvoice;
import static com.example.gateway.support.GatewayApi.paymentPage;
import static com.example.gateway.support.GatewayApi.status;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.gateway.support.TestDatabase;
import com.example.gateway.support.WebhookReceiver;
import com.example.gateway.support.WebhookReceiver.Answer;
import com.example.gateway.support.WebhookReceiver.Inbox;
import com.example.gateway.support.WebhookReceiver.Received;
import com.example.gateway.support.Webhooks;
import com.example.gateway.support.Webhooks.Registered;
import com.example.gateway.support.FreshEmulatorAndClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The test clock over real HTTP: time moves for the gateway and the emulator, and what fell due runs. */
@QuarkusTest
@FreshEmulatorAndClock
class TestClockApiTest {

    private static final String APPROVE = "4111111111111111";
    private static final WebhookReceiver RECEIVER = new WebhookReceiver();

    @Inject
    TestDatabase db;

    @BeforeEach
    void clean() {
        Webhooks.awaitEarlierEventsFannedOut(db);
    }

    @AfterEach
    void removeEndpoints() {
        Webhooks.deleteAll(ORDERS);
    }

    @AfterAll
    static void stopReceiver() {
        RECEIVER.close();
    }

    @Test
    void advancingPastDokusSevenDaysExpiresTheAuthorizationInTheAdvancesAftermath() {
        String id = create(ORDERS, charge(newInvoice(), 90000, "AUTHORIZE", APPROVE)).statusCode(201)
                .body("status", equalTo("AUTHORIZED")).extract().path("id");
        Instant before = Instant.now();

        JsonPath advanced = as(ORDERS).body("{\"duration\": \"P7DT1H\"}").post("/v1/test-clock/advance")
                .then().statusCode(200)
                .body("offset", equalTo("PT169H")).body("advanced_by", equalTo("PT169H"))
                .body("ran.authorizations_expired", greaterThanOrEqualTo(1))
                .extract().jsonPath();
        Instant now = Instant.parse(advanced.getString("now"));
        assertTrue(!now.isBefore(before.plus(Duration.ofHours(169))), "the gateway's time is 7 days and an hour ahead: " + now);

        // No scheduler tick in tests (the sweep is off): the advance itself ran the sweep.
        assertEquals("EXPIRED", status(ORDERS, id));
        as(ORDERS).get("/v1/payments/" + id + "/events").then().statusCode(200)
                .body("items.type", containsInAnyOrder("payment.authorized", "authorization.expired"));
        as(ORDERS).body("{}").post("/v1/payments/" + id + "/capture").then().statusCode(409)
                .body("code", equalTo("authorization_expired"));

        // The emulator's clock moved too: a request signed with the gateway's (moved) time is accepted.
        create(ORDERS, charge(newInvoice(), 10000, "SALE", APPROVE)).statusCode(201).body("status", equalTo("SUCCEEDED"));

        as(ORDERS).get("/v1/test-clock").then().statusCode(200).body("offset", equalTo("PT169H"));
        as(ORDERS).post("/v1/test-clock/reset").then().statusCode(200).body("offset", equalTo("PT0S"));
        as(ORDERS).get("/v1/test-clock").then().statusCode(200).body("offset", equalTo("PT0S"));
        create(ORDERS, charge(newInvoice(), 10000, "SALE", APPROVE)).statusCode(201).body("status", equalTo("SUCCEEDED"));
    }

    @Test
    void aWebhookRetryAnHourAwayFallsDueOnAdvanceAndCarriesARealTimestamp() {
        Inbox inbox = RECEIVER.inbox().script(new Answer(503, "3600", Duration.ZERO));
        Registered endpoint = Webhooks.register(ORDERS, inbox.url(), "payment.pending");
        String id = create(ORDERS, paymentPage(newInvoice(), 21000)).statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> delivery(id),
                row -> row != null && "pending".equals(row.get("status")) && Integer.valueOf(1).equals(row.get("attempts")));
        Instant nextAttempt = Instant.parse((String) delivery(id).get("next_attempt_at"));
        assertTrue(nextAttempt.isAfter(Instant.now().plus(Duration.ofMinutes(50))), "the receiver asked for an hour: " + nextAttempt);

        as(ORDERS).body("{\"duration\": \"PT1H1M\"}").post("/v1/test-clock/advance").then().statusCode(200)
                .body("ran.webhook_deliveries_started", greaterThanOrEqualTo(0));

        await().atMost(Duration.ofSeconds(10)).until(() -> delivery(id).get("status"), "delivered"::equals);
        List<Received> attempts = inbox.received();
        assertEquals(2, attempts.size());
        assertEquals(attempts.get(0).webhookId(), attempts.get(1).webhookId());
        // The receiver checks webhook-timestamp against its own clock, which the advance did not move.
        assertTrue(Webhooks.verifies(endpoint.secret(), attempts.get(1)), "the reference library (5-minute tolerance) verifies the retry");
    }

    @Test
    void anAdvanceMustBeForwardBoundedAndAlone() {
        as(ORDERS).body("{\"duration\": \"-PT1H\", \"colour\": \"red\"}").post("/v1/test-clock/advance").then().statusCode(400)
                .body("code", equalTo("validation_failed"))
                .body("errors.field", containsInAnyOrder("duration", "colour"));
        for (String bad : List.of("\"PT0S\"", "\"P1M\"", "\"P32D\"", "\"soon\"", "7")) {
            as(ORDERS).body("{\"duration\": " + bad + "}").post("/v1/test-clock/advance").then().statusCode(400)
                    .body("errors[0].field", equalTo("duration"));
        }
        as(ORDERS).body("{}").post("/v1/test-clock/advance").then().statusCode(400)
                .body("errors[0].field", equalTo("duration")).body("errors[0].message", equalTo("is required"));
        as(ORDERS).get("/v1/test-clock").then().statusCode(200).body("offset", equalTo("PT0S"));
        given().get("/v1/test-clock").then().statusCode(401);
        given().body("{\"duration\": \"PT1H\"}").contentType("application/json").post("/v1/test-clock/advance").then().statusCode(401);
        as(ORDERS).get("/v1/test-clock").then().statusCode(200).body("offset", equalTo("PT0S"));
    }

    @Test
    void anAdvanceWithAnIdempotencyKeyMovesTimeOnce() {
        String key = "advance-" + newInvoice();
        as(ORDERS).header("Idempotency-Key", key).body("{\"duration\": \"PT2H\"}").post("/v1/test-clock/advance")
                .then().statusCode(200).body("offset", equalTo("PT2H"));
        as(ORDERS).header("Idempotency-Key", key).body("{\"duration\": \"PT2H\"}").post("/v1/test-clock/advance")
                .then().statusCode(200).header("Idempotent-Replayed", "true").body("offset", equalTo("PT2H"));
        as(ORDERS).get("/v1/test-clock").then().statusCode(200).body("offset", equalTo("PT2H"));
    }

    /** The payment's one delivery (to the one endpoint this test registered), or null before there is one. */
    private static Map<String, Object> delivery(String paymentId) {
        return Webhooks.deliveries(ORDERS, null).stream().filter(row -> paymentId.equals(row.get("payment_id")))
                .findFirst().orElse(null);
    }
}
