package com.example.gateway.reliability;

import static com.example.gateway.support.GatewayApi.ORDERS;
import static com.example.gateway.support.GatewayApi.as;
import static com.example.gateway.support.GatewayApi.charge;
import static com.example.gateway.support.GatewayApi.create;
import static com.example.gateway.support.GatewayApi.get;
import static com.example.gateway.support.GatewayApi.newInvoice;
import static com.example.gateway.support.GatewayApi.paymentPage;
import static com.example.gateway.support.GatewayApi.status;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.gateway.emulator.EmulatorOperation;
import com.example.gateway.emulator.EmulatorClient;
import com.example.gateway.emulator.EmulatorFault;
import com.example.gateway.emulator.TransactionSnapshot;
import com.example.gateway.support.FreshEmulatorAndClock;
import com.example.gateway.support.Notifications;
import com.example.gateway.support.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Late news never moves money state backwards, and lost answers and dead claims are recovered. */
@QuarkusTest
@FreshEmulatorAndClock
class LateNewsAndLostAnswersTest {

    private static final String APPROVE = "4111111111111111";

    @Inject
    EmulatorClient emulator;

    @Inject
    TestDatabase db;

    @Test
    void aLateAuthorizationNotificationDoesNotUndoACaptureInDoubt() {
        String invoice = newInvoice();
        String id = authorize(invoice, 90000);
        emulator.scriptFaults(EmulatorOperation.CAPTURE, EmulatorFault.ANSWER_LOST, EmulatorFault.DROP_CONNECTION,
                EmulatorFault.DROP_CONNECTION, EmulatorFault.DROP_CONNECTION);
        as(ORDERS).body("{}").post("/v1/payments/" + id + "/capture").then().statusCode(504);
        assertEquals("UNKNOWN", status(ORDERS, id));

        Notifications.send(Notifications.DOKU, UUID.randomUUID().toString(),
                Notifications.body(invoice, 90000, "AUTHORIZE", "SUCCESS")).statusCode(200);
        assertEquals("UNKNOWN", status(ORDERS, id), "news of the authorization says nothing of the capture");

        as(ORDERS).post("/v1/payments/" + id + "/sync").then().statusCode(200).body("status", equalTo("SUCCEEDED"));
        as(ORDERS).body("{}").post("/v1/payments/" + id + "/capture").then().statusCode(409)
                .body("code", equalTo("invalid_payment_state"));
        assertEquals(1, emulator.transaction(invoice).orElseThrow().captures().size(), "one capture at DOKU");
    }

    @Test
    void aSignedNotificationWithoutATypeAppliesToThePaymentsOwnTransaction() {
        String invoice = newInvoice();
        String id = create(ORDERS, """
                {"invoice_number": "%s", "amount": 40000, "payment_type": "AUTHORIZE",
                 "customer": {"id": "CUST-9", "email": "anton@example.com"}}
                """.formatted(invoice)).statusCode(201).extract().path("id");
        String untyped = Notifications.body(invoice, 40000, "AUTHORIZE", "SUCCESS").replace("\"type\": \"AUTHORIZE\", ", "");

        Notifications.send(Notifications.DOKU, UUID.randomUUID().toString(), untyped).statusCode(200);

        get(ORDERS, id).statusCode(200).body("status", equalTo("AUTHORIZED")).body("authorized_amount", equalTo(40000));
    }

    @Test
    void aLostPaymentPageAnswerIsRecoveredWithItsUrl() {
        String invoice = newInvoice();
        emulator.scriptFaults(EmulatorOperation.PAYMENT_PAGE, EmulatorFault.ANSWER_LOST, EmulatorFault.DROP_CONNECTION,
                EmulatorFault.DROP_CONNECTION, EmulatorFault.DROP_CONNECTION);
        String id = create(ORDERS, paymentPage(invoice, 25000)).statusCode(504)
                .body("code", equalTo("doku_timeout")).extract().path("payment_id");
        get(ORDERS, id).body("status", equalTo("UNKNOWN")).body("payment_page_url", nullValue());

        as(ORDERS).post("/v1/payments/" + id + "/sync").then().statusCode(200)
                .body("status", equalTo("PENDING"))
                .body("payment_page_url", startsWith("http://localhost:"));

        TransactionSnapshot atDoku = emulator.transaction(invoice).orElseThrow();
        assertEquals(1, emulator.effects(atDoku.originalRequestId()), "the page was created once at DOKU");
        assertEquals(0, db.count("SELECT count(*) FROM payments WHERE id = $1 AND page_request IS NOT NULL", id),
                "the kept request is dropped once the URL is known");
    }

    @Test
    void anUncapturedAuthorizationDokuReportsExpiredBecomesExpired() {
        String invoice = newInvoice();
        String id = authorize(invoice, 30000);
        emulator.forceStatus(invoice, "EXPIRED");

        as(ORDERS).post("/v1/payments/" + id + "/sync").then().statusCode(200).body("status", equalTo("EXPIRED"));
    }

    @Test
    void aPaymentPageDokuReportsTimedOutFails() {
        String invoice = newInvoice();
        String id = create(ORDERS, paymentPage(invoice, 25000)).statusCode(201).extract().path("id");
        emulator.forceStatus(invoice, "TIMEOUT");

        as(ORDERS).post("/v1/payments/" + id + "/sync").then().statusCode(200)
                .body("status", equalTo("FAILED")).body("failure_code", equalTo("TIMEOUT"));
    }

    @Test
    void aClaimWhoseLeaseRanOutIsTakenOverAndTheRefundRetryFindsItsFirstAttempt() {
        String invoice = newInvoice();
        String id = create(ORDERS, charge(invoice, 50000, "SALE", APPROVE)).statusCode(201).extract().path("id");
        emulator.settle(invoice);
        String key = "refund-" + invoice;
        String body = "{\"amount\": 10000}";
        String refundId = as(ORDERS).header("Idempotency-Key", key).body(body)
                .post("/v1/payments/" + id + "/refunds").then().statusCode(201).extract().path("id");

        // As after a crash: the claim is there with no response, and its lease has run out.
        db.count("WITH c AS (UPDATE idempotency_keys SET response_status = NULL, response_body = NULL, "
                + "claimed_until = now() - interval '1 second' WHERE idempotency_key = $1 RETURNING 1) SELECT count(*) FROM c", key);

        as(ORDERS).header("Idempotency-Key", key).body(body).post("/v1/payments/" + id + "/refunds").then()
                .statusCode(201).body("id", equalTo(refundId));
        assertEquals(1, emulator.transaction(invoice).orElseThrow().refunds().size(), "one refund at DOKU");
        get(ORDERS, id).body("refunded_amount", equalTo(10000));
    }

    @Test
    void aLiveClaimStillBlocksItsKey() {
        String invoice = newInvoice();
        String key = "page-" + invoice;
        as(ORDERS).header("Idempotency-Key", key).body(paymentPage(invoice, 1000)).post("/v1/payments").then().statusCode(201);
        // As while the first request is still running: claimed, no response, lease not yet out.
        db.count("WITH c AS (UPDATE idempotency_keys SET response_status = NULL, response_body = NULL, "
                + "claimed_until = now() + interval '1 minute' WHERE idempotency_key = $1 RETURNING 1) SELECT count(*) FROM c", key);

        as(ORDERS).header("Idempotency-Key", key).body(paymentPage(invoice, 1000)).post("/v1/payments").then()
                .statusCode(409).body("code", equalTo("idempotency_key_in_use"));
    }

    private static String authorize(String invoice, long amount) {
        return create(ORDERS, charge(invoice, amount, "AUTHORIZE", APPROVE)).statusCode(201)
                .body("status", equalTo("AUTHORIZED")).extract().path("id");
    }
}
