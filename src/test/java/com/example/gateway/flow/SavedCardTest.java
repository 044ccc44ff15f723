package com.example.gateway.flow;

import static com.example.gateway.support.GatewayApi.ORDERS;
import static com.example.gateway.support.GatewayApi.SUBSCRIPTIONS;
import static com.example.gateway.support.GatewayApi.as;
import static com.example.gateway.support.GatewayApi.create;
import static com.example.gateway.support.GatewayApi.newInvoice;
import static com.example.gateway.support.GatewayApi.status;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.gateway.emulator.EmulatorClient;
import com.example.gateway.support.ThreeDSecureFlow;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Save a card through a payment, list it, pay with it, unbind it; other clients never see it. */
@QuarkusTest
class SavedCardTest {

    @Inject
    EmulatorClient emulator;

    @Test
    void saveListPayDeleteAndRefuse() {
        String customer = "CUST-" + UUID.randomUUID();
        String token = create(ORDERS, chargeSaving(newInvoice(), customer)).statusCode(201)
                .body("status", equalTo("SUCCEEDED"))
                .body("card.token", notNullValue())
                .extract().path("card.token");

        as(ORDERS).get("/v1/customers/" + customer + "/tokens?type=CREDIT_CARD").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].token_id", equalTo(token))
                .body("items[0].type", equalTo("CREDIT_CARD"))
                .body("items[0].masked_card", equalTo("411111******1111"))
                .body("items[0].brand", notNullValue());

        // A saved card: one call, then the customer's 3-D Secure challenge; the gateway charges on the return.
        String paid = create(ORDERS, chargeWithToken(newInvoice(), customer, token)).statusCode(201)
                .body("status", equalTo("REQUIRES_AUTHENTICATION"))
                .extract().path("id");
        String authenticationUrl = as(ORDERS).get("/v1/payments/" + paid).then().extract().path("authentication_url");
        ThreeDSecureFlow.followReturn(ThreeDSecureFlow.answerChallenge(authenticationUrl, "PASS"));
        assertEquals("SUCCEEDED", status(ORDERS, paid));

        as(SUBSCRIPTIONS).get("/v1/customers/" + customer + "/tokens").then().statusCode(404);
        as(SUBSCRIPTIONS).delete("/v1/customers/" + customer + "/tokens/" + token).then().statusCode(404);

        as(ORDERS).delete("/v1/customers/" + customer + "/tokens/" + token).then().statusCode(204);
        as(ORDERS).get("/v1/customers/" + customer + "/tokens").then().statusCode(200).body("items", hasSize(0));
        as(ORDERS).delete("/v1/customers/" + customer + "/tokens/" + token).then().statusCode(404)
                .body("code", equalTo("token_not_found"));
        create(ORDERS, chargeWithToken(newInvoice(), customer, token)).statusCode(404)
                .body("code", equalTo("token_not_found"));
    }

    @Test
    void aCardSavedOnThePaymentPagePrefillsTheNextPage() {
        String customer = "CUST-" + UUID.randomUUID();
        String invoice = newInvoice();
        String first = create(ORDERS, pageSaving(invoice, customer, null)).statusCode(201).extract().path("id");
        emulator.pay(invoice, MoneyMovementTest.APPROVE);
        await().atMost(Duration.ofSeconds(10)).until(() -> status(ORDERS, first), "SUCCEEDED"::equals);
        String token = as(ORDERS).get("/v1/payments/" + first).then().body("card.token", notNullValue())
                .extract().path("card.token");

        String nextInvoice = newInvoice();
        String second = create(ORDERS, pageSaving(nextInvoice, customer, token)).statusCode(201).extract().path("id");
        emulator.payWithSavedCard(nextInvoice);
        await().atMost(Duration.ofSeconds(10)).until(() -> status(ORDERS, second), "SUCCEEDED"::equals);
    }

    private static String chargeSaving(String invoice, String customer) {
        return """
                {"flow": "CHARGE", "invoice_number": "%s", "amount": 15000,
                 "customer": {"id": "%s", "email": "saver@example.com"},
                 "card": {"number": "4111111111111111", "expiry": "1230", "cvv": "123", "save": true},
                 "three_dsecure_authentication_id": "%s"}
                """.formatted(invoice, customer, ThreeDSecureFlow.authenticated(ORDERS, invoice, 15000, "4111111111111111"));
    }

    private static String chargeWithToken(String invoice, String customer, String token) {
        return """
                {"flow": "CHARGE", "invoice_number": "%s", "amount": 16000,
                 "customer": {"id": "%s", "email": "saver@example.com"},
                 "card": {"token": "%s"}, "callback_url": "%s"}
                """.formatted(invoice, customer, token, ThreeDSecureFlow.RETURN_URL);
    }

    private static String pageSaving(String invoice, String customer, String token) {
        String card = token == null ? "{\"save\": true}" : "{\"token\": \"" + token + "\"}";
        return """
                {"invoice_number": "%s", "amount": 17000, "customer": {"id": "%s", "email": "saver@example.com"},
                 "card": %s}
                """.formatted(invoice, customer, card);
    }
}
