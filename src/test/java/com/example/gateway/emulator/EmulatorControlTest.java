package com.example.gateway.emulator;

import static com.example.gateway.support.GatewayApi.ORDERS;
import static com.example.gateway.support.GatewayApi.charge;
import static com.example.gateway.support.GatewayApi.create;
import static com.example.gateway.support.GatewayApi.newInvoice;
import static com.example.gateway.support.GatewayApi.paymentPage;
import static com.example.gateway.support.GatewayApi.status;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.gateway.doku.DokuClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The emulator's control endpoints for fault suites, over real HTTP. */
@QuarkusTest
class EmulatorControlTest {

    static final String APPROVE = "4111111111111111";

    @Inject
    EmulatorClient emulator;

    @Inject
    DokuClient doku;

    @ConfigProperty(name = "doku.base-url")
    String dokuBaseUrl;

    @BeforeEach
    void clean() {
        control().post("/reset").then().statusCode(204);
    }

    @Test
    void theRetryAfterOf429And503AnswersIsScriptable() {
        control().body("{\"value\": \"7\"}").post("/retry-after").then().statusCode(200).body("value", equalTo("7"));
        control().body("{\"operation\": \"CHARGE\", \"faults\": [\"HTTP_429\", \"HTTP_503\"]}").post("/faults")
                .then().statusCode(200);
        rawCharge().then().statusCode(429).header("Retry-After", "7");

        control().body("{\"value\": null}").post("/retry-after").then().statusCode(200).body("value", nullValue());
        rawCharge().then().statusCode(503).header("Retry-After", nullValue());
        control().body("{\"value\": 3}").post("/retry-after").then().statusCode(400);
    }

    @Test
    void chaosFaultsTheChosenOperationsUntilStopped() {
        control().body("{\"seed\": 42, \"rate\": 1.0, \"faults\": [\"HTTP_500\"], \"operations\": [\"PAYMENT_PAGE\"]}")
                .post("/chaos").then().statusCode(200)
                .body("seed", equalTo(42)).body("rate", equalTo(1.0f))
                .body("faults", contains("HTTP_500")).body("operations", contains("PAYMENT_PAGE"));

        create(ORDERS, paymentPage(newInvoice(), 1000)).statusCode(504);
        List<ReceivedRequest> calls = emulator.requests(EmulatorOperation.PAYMENT_PAGE);
        assertTrue(calls.size() > 1, "retried");
        assertTrue(calls.stream().allMatch(call -> call.fault() == EmulatorFault.HTTP_500), "every attempt was faulted");
        create(ORDERS, charge(newInvoice(), 1000, "SALE", APPROVE)).statusCode(201).body("status", equalTo("SUCCEEDED"));

        control().delete("/chaos").then().statusCode(204);
        control().get("/chaos").then().statusCode(200).body("rate", equalTo(0));
        create(ORDERS, paymentPage(newInvoice(), 1000)).statusCode(201);
    }

    @Test
    void chaosAlsoFaultsTheNotificationsOfTheChosenOperations() {
        control().body("{\"seed\": 7, \"rate\": 1.0, \"faults\": [\"DUPLICATE_NOTIFICATION\"], \"operations\": [\"CHARGE\"]}")
                .post("/chaos").then().statusCode(200);
        String invoice = newInvoice();

        create(ORDERS, charge(invoice, 1000, "SALE", APPROVE)).statusCode(201);

        List<SentNotification> sent = await().atMost(Duration.ofSeconds(10))
                .until(() -> emulator.notifications(invoice), list -> list.size() == 2);
        assertEquals(sent.get(0).requestId(), sent.get(1).requestId(), "the same notification twice");
        assertTrue(emulator.requests(EmulatorOperation.CHARGE).stream().allMatch(call -> call.fault() == null),
                "no request fault was chosen");
    }

    @Test
    void chaosSettingsThatMakeNoSenseAreRefused() {
        control().body("{\"seed\": 1, \"rate\": 1.5}").post("/chaos").then().statusCode(400);
        control().body("{\"seed\": 1, \"rate\": 0.5, \"faults\": [\"FIRE\"]}").post("/chaos").then().statusCode(400);
        control().body("{\"seed\": 1}").post("/chaos").then().statusCode(400);
        control().get("/chaos").then().body("rate", equalTo(0));
    }

    @Test
    void heldNotificationsAreReleasedLateInReverseOrder() {
        String first = newInvoice();
        String second = newInvoice();
        String firstId = create(ORDERS, paymentPage(first, 1000)).statusCode(201).extract().path("id");
        String secondId = create(ORDERS, paymentPage(second, 2000)).statusCode(201).extract().path("id");
        emulator.scriptFaults(EmulatorOperation.PAYMENT_PAGE, EmulatorFault.HOLD_NOTIFICATION, EmulatorFault.HOLD_NOTIFICATION);
        emulator.pay(first, APPROVE);
        emulator.pay(second, APPROVE);
        assertEquals("PENDING", status(ORDERS, firstId), "the notification is held");

        control().post("/notifications/release-held").then().statusCode(200)
                .body("released", hasSize(2))
                .body("released[0].invoice_number", equalTo(second))
                .body("released[1].invoice_number", equalTo(first))
                .body("released.gateway_status", contains(200, 200))
                .body("released.held", contains(false, false));

        assertEquals("SUCCEEDED", status(ORDERS, firstId));
        assertEquals("SUCCEEDED", status(ORDERS, secondId));
        control().post("/notifications/release-held").then().statusCode(200).body("released", hasSize(0));
    }

    @Test
    void theLedgerShowsEachRequestIdsEffectsAndEachTransactionsMoney() {
        String sale = newInvoice();
        String auth = newInvoice();
        create(ORDERS, charge(sale, 50000, "SALE", APPROVE)).statusCode(201);
        create(ORDERS, charge(auth, 90000, "AUTHORIZE", APPROVE)).statusCode(201);
        String saleRequestId = emulator.transaction(sale).orElseThrow().originalRequestId();

        // Each charge after its 3-D Secure check: two requests per payment.
        control().get("/ledger").then().statusCode(200)
                .body("requests", hasSize(4))
                .body("requests.findAll { it.operation == 'CHECK_THREE_D_SECURE' }.invoice_number", containsInAnyOrder(sale, auth))
                .body("requests.find { it.request_id == '" + saleRequestId + "' }.operation", equalTo("CHARGE"))
                .body("requests.find { it.request_id == '" + saleRequestId + "' }.invoice_number", equalTo(sale))
                .body("requests.find { it.request_id == '" + saleRequestId + "' }.status", equalTo(200))
                .body("requests.find { it.request_id == '" + saleRequestId + "' }.effects", equalTo(1))
                .body("transactions.find { it.invoice_number == '" + sale + "' }.status", equalTo("SUCCESS"))
                .body("transactions.find { it.invoice_number == '" + sale + "' }.captured_amount", equalTo(50000))
                .body("transactions.find { it.invoice_number == '" + auth + "' }.authorized_amount", equalTo(90000))
                .body("transactions.find { it.invoice_number == '" + auth + "' }.captured_amount", equalTo(0))
                .body("transactions.find { it.invoice_number == '" + auth + "' }.refunded_amount", equalTo(0));
    }

    @Test
    void checkStatusReportsTheStatusesTimeAndTheCustomerBring() {
        String page = newInvoice();
        create(ORDERS, paymentPage(page, 1000)).statusCode(201);

        control().body("{\"status\": \"REDIRECT\"}").post("/transactions/" + page + "/status").then().statusCode(200)
                .body("status", equalTo("REDIRECT"));
        assertEquals("REDIRECT", checkStatus(page));
        control().body("{\"status\": \"EXPIRED\"}").post("/transactions/" + page + "/status").then().statusCode(200);
        assertEquals("EXPIRED", checkStatus(page));

        String timedOut = newInvoice();
        create(ORDERS, paymentPage(timedOut, 1000)).statusCode(201);
        control().body("{\"status\": \"TIMEOUT\"}").post("/transactions/" + timedOut + "/status").then().statusCode(200);
        assertEquals("TIMEOUT", checkStatus(timedOut));

        String released = newInvoice();
        create(ORDERS, charge(released, 1000, "AUTHORIZE", APPROVE)).statusCode(201);
        control().body("{\"status\": \"TIMEOUT\"}").post("/transactions/" + released + "/status").then().statusCode(409);
        control().body("{\"status\": \"EXPIRED\"}").post("/transactions/" + released + "/status").then().statusCode(200);
        assertEquals("EXPIRED", checkStatus(released));

        control().body("{\"status\": \"SETTLED\"}").post("/transactions/" + page + "/status").then().statusCode(400);
        control().body("{\"status\": \"EXPIRED\"}").post("/transactions/INV-NOBODY/status").then().statusCode(404);
    }

    private String checkStatus(String invoice) {
        return doku.checkStatus(UUID.randomUUID().toString(), invoice).await().atMost(Duration.ofSeconds(10)).status();
    }

    private RequestSpecification control() {
        return given().baseUri(dokuBaseUrl).basePath("/control").contentType(ContentType.JSON);
    }

    /** An unsigned charge: the scripted HTTP faults answer before any signature check. */
    private Response rawCharge() {
        return given().baseUri(dokuBaseUrl).contentType(ContentType.JSON).body("{}").post("/credit-card/charge");
    }
}
