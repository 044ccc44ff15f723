package com.example.gateway.flow;

import static com.example.gateway.support.GatewayApi.ORDERS;
import static com.example.gateway.support.GatewayApi.as;
import static com.example.gateway.support.GatewayApi.charge;
import static com.example.gateway.support.GatewayApi.create;
import static com.example.gateway.support.GatewayApi.get;
import static com.example.gateway.support.GatewayApi.newInvoice;
import static com.example.gateway.support.GatewayApi.status;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.gateway.emulator.EmulatorOperation;
import com.example.gateway.emulator.EmulatorClient;
import com.example.gateway.emulator.EmulatorFault;
import com.example.gateway.emulator.TransactionSnapshot;
import com.example.gateway.payment.AuthorizationExpirySweep;
import com.example.gateway.support.FreshEmulatorAndClock;
import com.example.gateway.support.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Charges, authorizations and captures over real HTTP against the emulator. */
@QuarkusTest
@FreshEmulatorAndClock
class MoneyMovementTest {

    static final String APPROVE = "4111111111111111";

    @Inject
    EmulatorClient emulator;

    @Inject
    MutableClock clock;

    @Inject
    AuthorizationExpirySweep sweep;

    @Test
    void saleChargeSucceeds() {
        String invoice = newInvoice();
        create(ORDERS, charge(invoice, 90000, "SALE", APPROVE)).statusCode(201)
                .body("status", equalTo("SUCCEEDED"))
                .body("flow", equalTo("CHARGE"))
                .body("captured_amount", equalTo(90000))
                .body("card.masked", equalTo("411111******1111"))
                .body("approval_code", notNullValue());
        assertEquals("SUCCESS", emulator.transaction(invoice).orElseThrow().status());
    }

    @Test
    void declinedAndInsufficientFundsChargesFailWithDokusCodes() {
        create(ORDERS, charge(newInvoice(), 90000, "SALE", "4000000000000002")).statusCode(201)
                .body("status", equalTo("FAILED")).body("failure_code", equalTo("05"));
        create(ORDERS, charge(newInvoice(), 90000, "SALE", "4000000000009995")).statusCode(201)
                .body("status", equalTo("FAILED")).body("failure_code", equalTo("51"))
                .body("failure_message", notNullValue());
    }

    @Test
    void authorizationCapturedInFull() {
        String id = authorize(newInvoice(), 90000);
        get(ORDERS, id).body("authorized_amount", equalTo(90000));
        Instant deadline = Instant.parse(get(ORDERS, id).extract().path("capture_deadline"));
        assertTrue(Duration.between(clock.instant().plus(Duration.ofDays(7)), deadline).abs().toMinutes() < 2,
                "capture_deadline is the authorization time plus 7 days");

        as(ORDERS).body("{}").post("/v1/payments/" + id + "/capture").then().statusCode(200)
                .body("status", equalTo("SUCCEEDED"))
                .body("captured_amount", equalTo(90000))
                .body("captures", hasSize(1))
                .body("captures[0].status", equalTo("SUCCEEDED"));
    }

    @Test
    void authorizationCapturedInPart() {
        String invoice = newInvoice();
        String id = authorize(invoice, 90000);

        as(ORDERS).body("{\"amount\": 40000}").post("/v1/payments/" + id + "/capture").then().statusCode(200)
                .body("status", equalTo("SUCCEEDED"))
                .body("captured_amount", equalTo(40000))
                .body("captures[0].amount", equalTo(40000));
        assertEquals(40000, emulator.transaction(invoice).orElseThrow().capturedAmount());
    }

    @Test
    void captureAboveTheAuthorizationIsRefusedWithoutCallingDoku() {
        String id = authorize(newInvoice(), 90000);
        as(ORDERS).body("{\"amount\": 90001}").post("/v1/payments/" + id + "/capture").then().statusCode(422)
                .body("code", equalTo("amount_exceeds_authorized"));
        assertEquals(0, emulator.requests(EmulatorOperation.CAPTURE).size());
    }

    @Test
    void captureAfterSevenDaysIsRefusedWithoutCallingDokuAndTheSweepExpiresIt() throws Throwable {
        String id = authorize(newInvoice(), 90000);
        clock.advance(Duration.ofDays(7).plusMinutes(1));

        as(ORDERS).body("{}").post("/v1/payments/" + id + "/capture").then().statusCode(409)
                .body("code", equalTo("authorization_expired"));
        assertEquals(0, emulator.requests(EmulatorOperation.CAPTURE).size(), "DOKU was not called");
        assertEquals("AUTHORIZED", status(ORDERS, id));

        assertTrue(VertxContextSupport.subscribeAndAwait(() -> sweep.runOnce()) >= 1);
        assertEquals("EXPIRED", status(ORDERS, id));
        as(ORDERS).body("{}").post("/v1/payments/" + id + "/capture").then().statusCode(409)
                .body("code", equalTo("authorization_expired"));
    }

    @Test
    void authorizationsAwaitingCaptureAreListedSoonestFirst() {
        String first = authorize(newInvoice(), 1000);
        clock.advance(Duration.ofMinutes(5));
        String second = authorize(newInvoice(), 2000);
        Instant cutoff = clock.instant().plus(Duration.ofDays(7)).plusSeconds(60);

        var items = as(ORDERS).queryParam("expiring_before", cutoff.toString()).queryParam("limit", 100)
                .get("/v1/authorizations").then().statusCode(200).extract().<String>jsonPath().getList("items.id");
        assertTrue(items.indexOf(first) >= 0 && items.indexOf(first) < items.indexOf(second));
    }

    @Test
    void authorizationsAwaitingCapturePageByCursorInDeadlineOrder() {
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            mine.add(authorize(newInvoice(), 1000 + i));
            clock.advance(Duration.ofMinutes(1));
        }
        Instant cutoff = clock.instant().plus(Duration.ofDays(7)).plusSeconds(60);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = as(ORDERS).queryParam("expiring_before", cutoff.toString()).queryParam("limit", 2);
            var page = (cursor == null ? request : request.queryParam("cursor", cursor)).get("/v1/authorizations")
                    .then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id"));
            cursor = page.getString("next_cursor");
        } while (cursor != null);

        assertEquals(seen.size(), new HashSet<>(seen).size(), "no authorization on two pages: " + seen);
        assertEquals(mine, seen.stream().filter(mine::contains).toList(), "all three, soonest deadline first");
    }

    @Test
    void captureWhoseAnswerIsLostEndsWithOneCaptureAfterReconciliation() {
        String invoice = newInvoice();
        String id = authorize(invoice, 90000);
        emulator.scriptFaults(EmulatorOperation.CAPTURE, EmulatorFault.ANSWER_LOST, EmulatorFault.DROP_CONNECTION,
                EmulatorFault.DROP_CONNECTION, EmulatorFault.DROP_CONNECTION);

        as(ORDERS).body("{}").post("/v1/payments/" + id + "/capture").then().statusCode(504)
                .body("code", equalTo("doku_timeout")).body("payment_id", equalTo(id));
        assertEquals("UNKNOWN", status(ORDERS, id));
        get(ORDERS, id).body("captures[0].status", equalTo("UNKNOWN"));

        as(ORDERS).post("/v1/payments/" + id + "/sync").then().statusCode(200)
                .body("status", equalTo("SUCCEEDED"))
                .body("captured_amount", equalTo(90000))
                .body("captures[0].status", equalTo("SUCCEEDED"));
        TransactionSnapshot atDoku = emulator.transaction(invoice).orElseThrow();
        assertEquals(1, atDoku.captures().size(), "one capture in the emulator's ledger");
        assertEquals(1, emulator.effects(atDoku.captures().get(0).requestId()));
    }

    @Test
    void anAuthorizationMadeOnThePaymentPageIsCapturedAfterItsNotification() {
        String invoice = newInvoice();
        String id = create(ORDERS, """
                {"invoice_number": "%s", "amount": 55000, "payment_type": "AUTHORIZE",
                 "customer": {"id": "CUST-3", "email": "anton@example.com"}}
                """.formatted(invoice)).statusCode(201).body("status", equalTo("PENDING")).extract().path("id");

        emulator.pay(invoice, APPROVE);
        await().atMost(Duration.ofSeconds(10)).until(() -> status(ORDERS, id), "AUTHORIZED"::equals);
        get(ORDERS, id).body("authorized_amount", equalTo(55000)).body("capture_deadline", notNullValue());

        as(ORDERS).body("{}").post("/v1/payments/" + id + "/capture").then().statusCode(200)
                .body("status", equalTo("SUCCEEDED")).body("captured_amount", equalTo(55000));
    }

    private String authorize(String invoice, long amount) {
        return create(ORDERS, charge(invoice, amount, "AUTHORIZE", APPROVE)).statusCode(201)
                .body("status", equalTo("AUTHORIZED"))
                .extract().path("id");
    }
}
