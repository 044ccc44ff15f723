package com.example.gateway.webhook;

import static com.example.gateway.support.GatewayApi.ORDERS;
import static com.example.gateway.support.GatewayApi.SUBSCRIPTIONS;
import static com.example.gateway.support.GatewayApi.as;
import static com.example.gateway.support.GatewayApi.charge;
import static com.example.gateway.support.GatewayApi.create;
import static com.example.gateway.support.GatewayApi.get;
import static com.example.gateway.support.GatewayApi.newInvoice;
import static com.example.gateway.support.GatewayApi.paymentPage;
import static com.example.gateway.support.Events.history;
import static com.example.gateway.support.Events.typesAndCauses;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.gateway.emulator.EmulatorClient;
import com.example.gateway.emulator.EmulatorFault;
import com.example.gateway.emulator.EmulatorOperation;
import com.example.gateway.payment.AuthorizationExpirySweep;
import com.example.gateway.payment.ReconciliationJob;
import com.example.gateway.support.FreshEmulatorAndClock;
import com.example.gateway.support.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every status change leaves one event in the payment's history, written with the change, whatever
 * caused it; each carries the payment exactly as GET showed it right after the change.
 */
@QuarkusTest
@FreshEmulatorAndClock
class PaymentHistoryTest {

    private static final String APPROVE = "4111111111111111";
    private static final String DECLINE = "4000000000000002";
    private static final EmulatorFault[] FOUR_503 = {EmulatorFault.HTTP_503, EmulatorFault.HTTP_503,
            EmulatorFault.HTTP_503, EmulatorFault.HTTP_503};
    private static final EmulatorFault[] ALL_ANSWERS_LOST = {EmulatorFault.ANSWER_LOST, EmulatorFault.DROP_CONNECTION,
            EmulatorFault.DROP_CONNECTION, EmulatorFault.DROP_CONNECTION};

    @Inject
    EmulatorClient emulator;

    @Inject
    MutableClock clock;

    @Inject
    AuthorizationExpirySweep sweep;

    @Inject
    ReconciliationJob reconciliation;

    @Test
    void aPageOpensPendingAndIsPaidByNotificationEachEventCarryingThePaymentAsGetShowedIt() {
        String invoice = newInvoice();
        String id = create(ORDERS, paymentPage(invoice, 90000)).statusCode(201).extract().path("id");
        assertEquals(List.of("payment.pending/api"), typesAndCauses(ORDERS, id));
        assertEquals(getNow(id), history(ORDERS, id).getMap("items[0].data"), "data is the payment as GET returns it");

        emulator.pay(invoice, APPROVE);
        assertEquals(List.of("payment.pending/api", "payment.succeeded/notification"), typesAndCauses(ORDERS, id));
        JsonPath events = history(ORDERS, id);
        assertEquals(getNow(id), events.getMap("items[1].data"));
        assertEquals("PENDING", events.getString("items[0].data.status"), "each event keeps the payment of its moment");
        assertEquals(events.getString("items[1].id"), events.getString("items[1].id").replaceAll("[^a-z0-9_]", ""));
    }

    @Test
    void aDuplicateNotificationChangesNothingAndAddsNoEvent() {
        String invoice = newInvoice();
        String id = create(ORDERS, paymentPage(invoice, 91000)).statusCode(201).extract().path("id");
        emulator.scriptFaults(EmulatorOperation.PAYMENT_PAGE, EmulatorFault.DUPLICATE_NOTIFICATION);
        emulator.pay(invoice, APPROVE);
        assertEquals(List.of("payment.pending/api", "payment.succeeded/notification"), typesAndCauses(ORDERS, id));
    }

    @Test
    void chargesAuthorizationsCapturesRefundsAndVoids() {
        String declined = chargeAnsweredFirst(newInvoice(), 10000, "SALE", DECLINE);
        assertEquals(List.of("payment.failed/api"), typesAndCauses(ORDERS, declined));

        String invoice = newInvoice();
        String authorized = chargeAnsweredFirst(invoice, 80000, "AUTHORIZE", APPROVE);
        as(ORDERS).body("{\"amount\": 50000}").post("/v1/payments/" + authorized + "/capture").then().statusCode(200);
        emulator.settle(invoice);
        String refund = as(ORDERS).body("{\"amount\": 20000}").post("/v1/payments/" + authorized + "/refunds").then()
                .statusCode(201).extract().path("id");
        assertEquals(List.of("payment.authorized/api", "capture.succeeded/api", "payment.succeeded/api",
                "refund.succeeded/api"), typesAndCauses(ORDERS, authorized));
        JsonPath events = history(ORDERS, authorized);
        assertEquals("PARTIALLY_REFUNDED", events.getString("items[3].data.status"), "the refund tells the payment's new status");
        assertEquals(refund, events.getString("items[3].data.refunds[0].id"));
        assertEquals(getNow(authorized), events.getMap("items[3].data"));

        String voided = authorize(30000);
        as(ORDERS).body("{\"amount\": 30000}").post("/v1/payments/" + voided + "/refunds").then().statusCode(201);
        assertEquals(List.of("payment.authorized/api", "refund.succeeded/api", "payment.voided/api"),
                typesAndCauses(ORDERS, voided));
    }

    @Test
    void failedCapturesAndRefunds() {
        String id = authorize(60000);
        emulator.scriptFaults(EmulatorOperation.CAPTURE, FOUR_503);
        as(ORDERS).body("{}").post("/v1/payments/" + id + "/capture").then().statusCode(503);
        as(ORDERS).body("{}").post("/v1/payments/" + id + "/capture").then().statusCode(200);
        emulator.scriptFaults(EmulatorOperation.REFUND, FOUR_503);
        as(ORDERS).body("{\"amount\": 1000}").post("/v1/payments/" + id + "/refunds").then().statusCode(503);
        assertEquals(List.of("payment.authorized/api", "capture.failed/api", "capture.succeeded/api",
                "payment.succeeded/api", "refund.failed/api"), typesAndCauses(ORDERS, id));
    }

    @Test
    void aLostAnswerIsUnknownThenReconciled() throws Throwable {
        emulator.scriptFaults(EmulatorOperation.CHARGE, ALL_ANSWERS_LOST);
        emulator.scriptFaults(EmulatorOperation.CHARGE, EmulatorFault.HOLD_NOTIFICATION);
        String id = create(ORDERS, charge(newInvoice(), 42000, "SALE", APPROVE)).statusCode(504).extract().path("payment_id");
        assertEquals(List.of("payment.unknown/api"), typesAndCauses(ORDERS, id));

        as(ORDERS).post("/v1/payments/" + id + "/sync").then().statusCode(200).body("status", equalTo("SUCCEEDED"));
        assertEquals(List.of("payment.unknown/api", "payment.reconciled/reconciliation"), typesAndCauses(ORDERS, id));
        assertEquals("SUCCEEDED", history(ORDERS, id).getString("items[1].data.status"));
    }

    @Test
    void theSweepWarnsOnceADayBeforeTheDeadlineThenExpires() throws Throwable {
        String id = authorize(70000);
        clock.advance(Duration.ofDays(5));
        VertxContextSupport.subscribeAndAwait(() -> sweep.warnOnce());
        assertEquals(List.of("payment.authorized/api"), typesAndCauses(ORDERS, id), "not yet within a day");

        clock.advance(Duration.ofDays(1).plusMinutes(1));
        VertxContextSupport.subscribeAndAwait(() -> sweep.warnOnce());
        VertxContextSupport.subscribeAndAwait(() -> sweep.warnOnce());
        assertEquals(List.of("payment.authorized/api", "authorization.expiring/sweep"), typesAndCauses(ORDERS, id));
        assertEquals("AUTHORIZED", history(ORDERS, id).getString("items[1].data.status"));

        clock.advance(Duration.ofDays(1));
        VertxContextSupport.subscribeAndAwait(() -> sweep.runOnce());
        assertEquals(List.of("payment.authorized/api", "authorization.expiring/sweep", "authorization.expired/sweep"),
                typesAndCauses(ORDERS, id));
    }

    @Test
    void anotherClientsPaymentHasNoHistoryForYou() {
        String id = create(ORDERS, paymentPage(newInvoice(), 12000)).statusCode(201).extract().path("id");
        as(SUBSCRIPTIONS).get("/v1/payments/" + id + "/events").then().statusCode(404).body("code", equalTo("payment_not_found"));
        as(ORDERS).get("/v1/payments/pay_000000000000000000000000/events").then().statusCode(404)
                .body("code", equalTo("payment_not_found"));
    }

    private String authorize(long amount) {
        return chargeAnsweredFirst(newInvoice(), amount, "AUTHORIZE", APPROVE);
    }

    /** A charge whose notification DOKU holds back, so that its answer is what moves the payment (cause api). */
    private String chargeAnsweredFirst(String invoice, long amount, String type, String card) {
        emulator.scriptFaults(EmulatorOperation.CHARGE, EmulatorFault.HOLD_NOTIFICATION);
        return create(ORDERS, charge(invoice, amount, type, card)).statusCode(201).extract().path("id");
    }

    private static Map<String, Object> getNow(String id) {
        return get(ORDERS, id).statusCode(200).extract().jsonPath().getMap("");
    }
}
