package com.example.gateway.flow;

import static com.example.gateway.support.GatewayApi.ORDERS;
import static com.example.gateway.support.GatewayApi.SUBSCRIPTIONS;
import static com.example.gateway.support.GatewayApi.as;
import static com.example.gateway.support.GatewayApi.charge;
import static com.example.gateway.support.GatewayApi.create;
import static com.example.gateway.support.GatewayApi.newInvoice;
import static com.example.gateway.support.GatewayApi.status;
import static com.example.gateway.support.ThreeDSecureFlow.FAILED_URL;
import static com.example.gateway.support.ThreeDSecureFlow.RETURN_URL;
import static com.example.gateway.support.ThreeDSecureFlow.answerChallenge;
import static com.example.gateway.support.ThreeDSecureFlow.followReturn;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.gateway.emulator.EmulatorClient;
import com.example.gateway.emulator.EmulatorOperation;
import com.example.gateway.payment.ReconciliationJob;
import com.example.gateway.support.FreshEmulatorAndClock;
import com.example.gateway.support.MutableClock;
import com.example.gateway.support.TestDatabase;
import com.example.gateway.support.ThreeDSecureFlow;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * 3-D Secure end to end against the emulator playing the issuer: a card number's authentication made by
 * the caller and used by its charge once; a saved card charged in one call plus one redirect, the gateway
 * holding the flow; challenges failed, abandoned or left to expire; MOTO without any.
 */
@QuarkusTest
@FreshEmulatorAndClock
class ThreeDSecureTest {

    private static final String ENROLLED = "4111111111111111";
    private static final String NOT_ENROLLED = "4000000000000101";

    @Inject
    EmulatorClient emulator;

    @Inject
    MutableClock clock;

    @Inject
    ReconciliationJob job;

    @Inject
    TestDatabase db;

    @Test
    void aCardNumberIsAuthenticatedByTheCallerThenChargedOnceWithTheId() {
        String invoice = newInvoice();
        var created = as(ORDERS).body(ThreeDSecureFlow.request(invoice, 90000, ENROLLED)).post("/v1/three-d-secure")
                .then().statusCode(201)
                .body("status", equalTo("PENDING_CHALLENGE"))
                .body("authentication_url", notNullValue())
                .body("card_token", nullValue())
                .extract();
        String id = created.path("id");
        as(SUBSCRIPTIONS).get("/v1/three-d-secure/" + id).then().statusCode(404).body("code", equalTo("three_d_secure_not_found"));

        // Not yet authenticated: refused before DOKU, nothing stored.
        create(ORDERS, charge(invoice, 90000, "SALE", ENROLLED, id)).statusCode(409)
                .body("code", equalTo("three_d_secure_not_usable"));
        assertEquals(0, db.count("SELECT count(*) FROM payments WHERE invoice_number = $1", invoice));

        String back = answerChallenge(created.path("authentication_url"), "PASS");
        assertEquals(RETURN_URL + "?three_d_secure_id=" + id, followReturn(back));
        as(ORDERS).get("/v1/three-d-secure/" + id).then().statusCode(200).body("status", equalTo("AUTHENTICATED"));

        create(ORDERS, charge(invoice, 90001, "SALE", ENROLLED, id)).statusCode(409)
                .body("code", equalTo("three_d_secure_not_usable"));
        String payment = create(ORDERS, charge(invoice, 90000, "SALE", ENROLLED, id)).statusCode(201)
                .body("status", equalTo("SUCCEEDED")).extract().path("id");
        as(ORDERS).get("/v1/three-d-secure/" + id).then().body("status", equalTo("USED")).body("payment_id", equalTo(payment));
        create(ORDERS, charge(newInvoice(), 90000, "SALE", ENROLLED, id)).statusCode(409)
                .body("code", equalTo("three_d_secure_not_usable"));
    }

    @Test
    void aFailedOrAbandonedChallengeSendsTheBrowserToTheFailedUrlAndPaysNothing() {
        for (String result : new String[] {"FAIL", "ABANDON"}) {
            String invoice = newInvoice();
            var created = as(ORDERS).body(ThreeDSecureFlow.request(invoice, 5000, ENROLLED)).post("/v1/three-d-secure")
                    .then().statusCode(201).extract();
            String id = created.path("id");
            assertEquals(FAILED_URL + "?three_d_secure_id=" + id,
                    followReturn(answerChallenge(created.path("authentication_url"), result)));
            as(ORDERS).get("/v1/three-d-secure/" + id).then().body("status", equalTo("FAILED"));
            create(ORDERS, charge(invoice, 5000, "SALE", ENROLLED, id)).statusCode(409);
        }
    }

    @Test
    void aCardNotEnrolledNeedsNoChallenge() {
        String invoice = newInvoice();
        String id = as(ORDERS).body(ThreeDSecureFlow.request(invoice, 7000, NOT_ENROLLED)).post("/v1/three-d-secure")
                .then().statusCode(201)
                .body("status", equalTo("NOT_ENROLLED"))
                .body("authentication_url", nullValue())
                .extract().path("id");
        create(ORDERS, charge(invoice, 7000, "AUTHORIZE", NOT_ENROLLED, id)).statusCode(201)
                .body("status", equalTo("AUTHORIZED"));
    }

    @Test
    void anAuthenticationExpires() {
        String invoice = newInvoice();
        String id = ThreeDSecureFlow.authenticated(ORDERS, invoice, 8000, ENROLLED);
        clock.advance(Duration.ofMinutes(16));
        as(ORDERS).get("/v1/three-d-secure/" + id).then().body("status", equalTo("EXPIRED"));
    }

    @Test
    void aSavedCardIsChargedInOneCallPlusOneRedirect() {
        String customer = "CUST-" + UUID.randomUUID();
        String token = savedCard(customer);
        String invoice = newInvoice();
        var created = create(ORDERS, chargeByToken(invoice, customer, token)).statusCode(201)
                .body("status", equalTo("REQUIRES_AUTHENTICATION"))
                .body("authentication_url", notNullValue())
                .extract();
        String id = created.path("id");
        assertEquals(0, emulator.requests(EmulatorOperation.CHARGE).stream()
                .filter(r -> invoice.equals(r.invoiceNumber())).count(), "no charge before the challenge");

        String next = followReturn(answerChallenge(created.path("authentication_url"), "PASS"));
        assertEquals(RETURN_URL + "?payment_id=" + id, next);
        as(ORDERS).get("/v1/payments/" + id).then()
                .body("status", equalTo("SUCCEEDED"))
                .body("authentication_url", nullValue())
                .body("card.token", equalTo(token));
        // The browser coming back again changes nothing and charges nothing more.
        assertEquals(next, followReturn(answerUrlOf(id, "passed")));
        assertEquals(1, emulator.requests(EmulatorOperation.CHARGE).stream()
                .filter(r -> invoice.equals(r.invoiceNumber())).count());
        as(ORDERS).get("/v1/payments/" + id + "/events").then().statusCode(200)
                .body("items.type", hasItem("payment.succeeded"));
    }

    @Test
    void aSavedCardsFailedChallengeFailsThePayment() {
        String customer = "CUST-" + UUID.randomUUID();
        String token = savedCard(customer);
        var created = create(ORDERS, chargeByToken(newInvoice(), customer, token)).statusCode(201).extract();
        String id = created.path("id");
        assertEquals(FAILED_URL + "?payment_id=" + id, followReturn(answerChallenge(created.path("authentication_url"), "FAIL")));
        as(ORDERS).get("/v1/payments/" + id).then()
                .body("status", equalTo("FAILED"))
                .body("failure_code", equalTo("authentication_failed"));
    }

    @Test
    void aSavedCardsChallengeLeftUnansweredFailsOnceItExpires() throws Throwable {
        String customer = "CUST-" + UUID.randomUUID();
        String token = savedCard(customer);
        String id = create(ORDERS, chargeByToken(newInvoice(), customer, token)).statusCode(201).extract().path("id");
        clock.advance(Duration.ofMinutes(14));
        runJob();
        assertEquals("REQUIRES_AUTHENTICATION", status(ORDERS, id));
        clock.advance(Duration.ofMinutes(3));
        runJob();
        as(ORDERS).get("/v1/payments/" + id).then()
                .body("status", equalTo("FAILED"))
                .body("failure_code", equalTo("authentication_expired"));
        as(ORDERS).get("/v1/payments/" + id + "/events").then().statusCode(200)
                .body("items.find { it.type == 'payment.failed' }.cause", equalTo("reconciliation"));
    }

    @Test
    void motoTakesNoAuthenticationAndACardNumberCannotSkipIt() {
        create(ORDERS, charge(newInvoice(), 3000, "MOTO", ENROLLED)).statusCode(201).body("status", equalTo("SUCCEEDED"));
        create(ORDERS, charge(newInvoice(), 3000, "MOTO", ENROLLED, "tds_000000000000000000000000")).statusCode(400)
                .body("errors.field", hasItem("three_dsecure_authentication_id"));
        create(ORDERS, charge(newInvoice(), 3000, "SALE", ENROLLED, null)).statusCode(400)
                .body("errors.field", hasItem("three_dsecure_authentication_id"));
        create(ORDERS, charge(newInvoice(), 3000, "SALE", ENROLLED, "tds_000000000000000000000000")).statusCode(404)
                .body("code", equalTo("three_d_secure_not_found"));
    }

    /** A card saved by a MOTO charge (no 3-D Secure); answers its token. */
    private static String savedCard(String customer) {
        return create(ORDERS, """
                {"flow": "CHARGE", "payment_type": "MOTO", "invoice_number": "%s", "amount": 1000,
                 "customer": {"id": "%s"}, "card": {"number": "%s", "expiry": "1230", "save": true}}
                """.formatted(newInvoice(), customer, ENROLLED)).statusCode(201)
                .body("card.token", notNullValue()).extract().path("card.token");
    }

    private static String chargeByToken(String invoice, String customer, String token) {
        return """
                {"flow": "CHARGE", "payment_type": "SALE", "invoice_number": "%s", "amount": 25000,
                 "customer": {"id": "%s"}, "card": {"token": "%s"}, "callback_url": "%s", "failed_url": "%s"}
                """.formatted(invoice, customer, token, RETURN_URL, FAILED_URL);
    }

    /** The gateway's own return URL for the payment's authentication, as the issuer would call it. */
    private String answerUrlOf(String paymentId, String outcome) {
        String authentication = db.column("SELECT id FROM three_d_secure_authentications WHERE payment_id = $1", paymentId).get(0);
        return "/v1/three-d-secure-returns/" + authentication + "?outcome=" + outcome;
    }

    private void runJob() throws Throwable {
        while (VertxContextSupport.subscribeAndAwait(() -> job.runOnce()) > 0) {
            // next batch
        }
    }
}
