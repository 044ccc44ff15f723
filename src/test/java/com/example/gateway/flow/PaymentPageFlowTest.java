package com.example.gateway.flow;

import static com.example.gateway.support.GatewayApi.ORDERS;
import static com.example.gateway.support.GatewayApi.as;
import static com.example.gateway.support.GatewayApi.create;
import static com.example.gateway.support.GatewayApi.get;
import static com.example.gateway.support.GatewayApi.newInvoice;
import static com.example.gateway.support.GatewayApi.paymentPage;
import static com.example.gateway.support.GatewayApi.status;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.gateway.emulator.EmulatorOperation;
import com.example.gateway.emulator.EmulatorClient;
import com.example.gateway.emulator.EmulatorFault;
import com.example.gateway.emulator.ReceivedRequest;
import com.example.gateway.support.FreshEmulatorAndClock;
import com.example.gateway.support.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The payment page flow over real HTTP against the DOKU emulator, with faults on the wire. */
@QuarkusTest
@FreshEmulatorAndClock
class PaymentPageFlowTest {

    private static final String APPROVE = "4111111111111111";
    private static final String DECLINE = "4000000000000002";

    @Inject
    EmulatorClient emulator;

    @Inject
    TestDatabase db;

    @ConfigProperty(name = "doku.base-url")
    String dokuBaseUrl;

    @Test
    void customerPaysOnThePageAndThePaymentSucceeds() {
        String invoice = newInvoice();
        String id = create(ORDERS, paymentPage(invoice, 90000)).statusCode(201)
                .body("status", equalTo("PENDING"))
                .body("flow", equalTo("PAYMENT_PAGE"))
                .body("currency", equalTo("IDR"))
                .body("payment_page_url", startsWith(dokuBaseUrl + "/pay/"))
                .extract().path("id");
        String pageUrl = get(ORDERS, id).extract().path("payment_page_url");

        List<ReceivedRequest> calls = callsFor(invoice);
        assertEquals(1, calls.size());
        assertTrue(calls.get(0).signatureValid(), "the emulator accepted the gateway's signature");

        given().get(pageUrl).then().statusCode(200).body(containsString(invoice));
        given().redirects().follow(false)
                .formParam("card_number", APPROVE).formParam("expiry", "1230").formParam("cvv", "123")
                .post(pageUrl).then().statusCode(303)
                .header("Location", equalTo("https://shop.example.com/done"));

        await().atMost(Duration.ofSeconds(10)).until(() -> status(ORDERS, id), "SUCCEEDED"::equals);
        get(ORDERS, id).statusCode(200)
                .body("captured_amount", equalTo(90000))
                .body("card.masked", equalTo("411111******1111"))
                .body("approval_code", notNullValue());
        assertEquals(200, emulator.notifications(invoice).get(0).gatewayStatus());
    }

    /**
     * Issue 18: a client generated from /q/openapi with openapi-generator's defaults sends every optional
     * list as {@code []}; an empty optional list means "none", as if left out.
     */
    @Test
    void emptyOptionalListsAreTakenAsNone() {
        String invoice = newInvoice();
        String body = """
                {"invoice_number": "%s", "amount": 90000,
                 "customer": {"id": "CUST-1", "name": "Anton Budiman", "email": "anton@example.com"},
                 "callback_url": "https://shop.example.com/done",
                 "line_items": [], "promos": [], "allow_bins": [], "allow_tenors": []}
                """.formatted(invoice);

        String id = create(ORDERS, body).statusCode(201)
                .body("status", equalTo("PENDING"))
                .body("amount", equalTo(90000))
                .extract().path("id");

        assertEquals("PENDING", status(ORDERS, id));
        assertEquals(1, callsFor(invoice).size(), "the page was opened at DOKU");
    }

    @Test
    void declinedCardFailsThePaymentWithDokusCode() {
        String invoice = newInvoice();
        String id = create(ORDERS, paymentPage(invoice, 50000)).statusCode(201).extract().path("id");

        emulator.pay(invoice, DECLINE);

        await().atMost(Duration.ofSeconds(10)).until(() -> status(ORDERS, id), "FAILED"::equals);
        get(ORDERS, id).body("failure_code", equalTo("05"));
    }

    @Test
    void twoInjected503sAreRetriedWithOneRequestId() {
        emulator.scriptFaults(EmulatorOperation.PAYMENT_PAGE, EmulatorFault.HTTP_503, EmulatorFault.HTTP_503);
        String invoice = newInvoice();
        String id = create(ORDERS, paymentPage(invoice, 75000)).statusCode(201)
                .body("status", equalTo("PENDING")).extract().path("id");

        List<ReceivedRequest> calls = callsFor(invoice);
        assertEquals(3, calls.size(), "two 503s and the success");
        assertEquals(List.of(503, 503, 200), calls.stream().map(ReceivedRequest::httpStatus).toList());
        assertEquals(1, calls.stream().map(ReceivedRequest::requestId).distinct().count(), "one Request-Id");
        assertTrue(calls.stream().allMatch(ReceivedRequest::signatureValid), "every retry is re-signed correctly");

        emulator.pay(invoice, APPROVE);
        await().atMost(Duration.ofSeconds(10)).until(() -> status(ORDERS, id), "SUCCEEDED"::equals);
    }

    @Test
    void answerLostAfterProcessingIsReplayedWith409AndTakesEffectOnce() {
        emulator.scriptFaults(EmulatorOperation.PAYMENT_PAGE, EmulatorFault.ANSWER_LOST);
        String invoice = newInvoice();
        create(ORDERS, paymentPage(invoice, 60000)).statusCode(201)
                .body("payment_page_url", startsWith(dokuBaseUrl + "/pay/"));

        List<ReceivedRequest> calls = callsFor(invoice);
        assertEquals(2, calls.size());
        assertEquals(calls.get(0).requestId(), calls.get(1).requestId());
        assertTrue(calls.get(1).replayed());
        assertEquals(409, calls.get(1).httpStatus());
        assertEquals(1, emulator.effects(calls.get(0).requestId()), "the ledger shows one effect");
    }

    @Test
    void answerDelayedPastTheClientTimeoutIsReplayed() {
        emulator.scriptFaults(EmulatorOperation.PAYMENT_PAGE, EmulatorFault.DELAY);
        String invoice = newInvoice();
        create(ORDERS, paymentPage(invoice, 61000)).statusCode(201).body("status", equalTo("PENDING"));

        List<ReceivedRequest> calls = callsFor(invoice);
        assertTrue(calls.size() >= 2);
        assertEquals(1, calls.stream().map(ReceivedRequest::requestId).distinct().count());
        assertEquals(1, emulator.effects(calls.get(0).requestId()));
    }

    @Test
    void dokuUnavailableLeavesNothingAndTheInvoiceCanBeRetried() {
        emulator.scriptFaults(EmulatorOperation.PAYMENT_PAGE,
                EmulatorFault.HTTP_503, EmulatorFault.HTTP_503, EmulatorFault.HTTP_503, EmulatorFault.HTTP_503);
        String invoice = newInvoice();
        create(ORDERS, paymentPage(invoice, 70000)).statusCode(503)
                .contentType(startsWith("application/problem+json"))
                .body("code", equalTo("doku_unavailable"));
        assertEquals(0, db.count("SELECT count(*) FROM payments WHERE invoice_number = $1", invoice));

        create(ORDERS, paymentPage(invoice, 70000)).statusCode(201);
    }

    @Test
    void noAnswerAtAllMakesThePaymentUnknown() {
        emulator.scriptFaults(EmulatorOperation.PAYMENT_PAGE, EmulatorFault.DROP_CONNECTION, EmulatorFault.DROP_CONNECTION,
                EmulatorFault.DROP_CONNECTION, EmulatorFault.DROP_CONNECTION);
        String invoice = newInvoice();
        String id = create(ORDERS, paymentPage(invoice, 80000)).statusCode(504)
                .body("code", equalTo("doku_timeout"))
                .extract().path("payment_id");

        assertEquals("UNKNOWN", status(ORDERS, id));
    }

    @Test
    void theSameClientAndKeyReplaysTheFirstAnswerWithoutCallingDokuAgain() {
        String invoice = newInvoice();
        String body = paymentPage(invoice, 12000);
        String first = as(ORDERS).header("Idempotency-Key", "key-" + invoice)
                .body(body).post("/v1/payments").then().statusCode(201).extract().path("id");

        as(ORDERS).header("Idempotency-Key", "key-" + invoice)
                .body(body).post("/v1/payments").then().statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(first));
        assertEquals(1, callsFor(invoice).size(), "DOKU was called once");

        as(ORDERS).header("Idempotency-Key", "key-" + invoice)
                .body(paymentPage(newInvoice(), 12000)).post("/v1/payments").then().statusCode(422)
                .body("code", equalTo("idempotency_key_reused"));
    }

    @Test
    void theSameKeyWhileTheFirstRequestIsStillRunningIsInUse() {
        emulator.scriptFaults(EmulatorOperation.PAYMENT_PAGE, EmulatorFault.DELAY);
        String invoice = newInvoice();
        String body = paymentPage(invoice, 13000);
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() ->
                as(ORDERS).header("Idempotency-Key", "busy-" + invoice)
                        .body(body).post("/v1/payments").then().extract().statusCode());
        await().atMost(Duration.ofSeconds(10)).until(() -> callsFor(invoice).size(), n -> n >= 1);

        as(ORDERS).header("Idempotency-Key", "busy-" + invoice)
                .body(body).post("/v1/payments").then().statusCode(409)
                .body("code", equalTo("idempotency_key_in_use"));
        assertEquals(201, first.join());
    }

    @Test
    void aSecondInvoiceWithTheSameNumberIsAConflict() {
        String invoice = newInvoice();
        create(ORDERS, paymentPage(invoice, 1000)).statusCode(201);
        create(ORDERS, paymentPage(invoice, 1000)).statusCode(409).body("code", equalTo("invoice_number_exists"));
        assertEquals(1, callsFor(invoice).size());
    }

    /** Every attempt that carried the Request-Id of this invoice's payment, faulted ones included. */
    private List<ReceivedRequest> callsFor(String invoice) {
        List<ReceivedRequest> all = emulator.requests(EmulatorOperation.PAYMENT_PAGE);
        List<String> requestIds = all.stream().filter(r -> invoice.equals(r.invoiceNumber()))
                .map(ReceivedRequest::requestId).distinct().toList();
        return all.stream().filter(r -> requestIds.contains(r.requestId())).toList();
    }
}
