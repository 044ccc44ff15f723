package com.example.gateway.flow;

import static com.example.gateway.support.GatewayApi.ORDERS;
import static com.example.gateway.support.GatewayApi.as;
import static com.example.gateway.support.GatewayApi.newInvoice;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.example.gateway.emulator.EmulatorClient;
import com.example.gateway.support.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** A 400 lists every bad field and leaves nothing behind: no row, no DOKU call, no idempotency record. */
@QuarkusTest
class BadInputLeavesNothingTest {

    @Inject
    EmulatorClient emulator;

    @Inject
    TestDatabase db;

    @Test
    void everyBadFieldIsListedAtOnce() {
        as(ORDERS).body("""
                {"amount": "100", "payment_type": "LAYAWAY", "customer": {"email": "not-an-email"},
                 "line_items": [{"name": "A", "price": 100, "quantity": 1}, {"name": "B", "price": 10.5, "quantity": 1}],
                 "callback_url": "ftp://x", "colour": "red"}
                """).post("/v1/payments").then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("code", equalTo("validation_failed"))
                .body("errors.field", containsInAnyOrder("invoice_number", "amount", "payment_type", "customer.email",
                        "line_items[1].price", "callback_url", "colour"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"invoice_number\": \"%s\", \"amount\": 0, \"customer\": {\"email\": \"a@example.com\"}}",
            "{\"invoice_number\": \"%s\", \"amount\": -5, \"customer\": {\"email\": \"a@example.com\"}}",
            "{\"invoice_number\": \"%s\", \"amount\": 100.5, \"customer\": {\"email\": \"a@example.com\"}}",
            "{\"invoice_number\": \"%s\", \"amount\": 1000}",
            "{\"invoice_number\": \"%s\", \"amount\": 1000, \"customer\": {\"email\": \"a@example.com\"}, \"auto_redirect\": true}",
            "{\"invoice_number\": \"%s\", \"amount\": 1000, \"customer\": {\"email\": \"a@example.com\"}, \"line_items\": [{\"name\": \"x\", \"price\": 999, \"quantity\": 1}]}",
            "{\"invoice_number\": \"%s\", \"amount\": 1000, \"customer\": {\"email\": \"a@example.com\"}, \"card\": {\"number\": \"4111111111111111\"}}",
            "{\"invoice_number\": \"%s\", \"amount\": 1000, \"customer\": {\"email\": \"a@example.com\"}, \"theme\": {\"language\": \"FR\"}}",
            "{\"invoice_number\": \"%s\", \"amount\": 1000, \"acquirer\": \"BANK_MANDIRI\", \"customer\": {\"email\": \"a@example.com\"}, \"payment_type\": \"INSTALLMENT\"}",
            "[1, 2, 3]"
    })
    void badRequestStoresNothingAndCallsNoOne(String template) {
        String invoice = newInvoice();
        int dokuCallsBefore = emulator.requests().size();
        long rowsBefore = db.count("SELECT count(*) FROM payments");
        long keysBefore = db.count("SELECT count(*) FROM idempotency_keys");

        as(ORDERS).header("Idempotency-Key", "k-" + invoice).body(template.formatted(invoice))
                .post("/v1/payments").then().statusCode(400).body("code", equalTo("validation_failed"));

        assertEquals(rowsBefore, db.count("SELECT count(*) FROM payments"), "no payment row");
        assertEquals(keysBefore, db.count("SELECT count(*) FROM idempotency_keys"), "no idempotency record");
        assertEquals(dokuCallsBefore, emulator.requests().size(), "no DOKU call");
    }

    @Test
    void aCardNumberInABadRequestIsNeverEchoed() {
        String body = as(ORDERS).body("""
                {"flow": "CHARGE", "invoice_number": "%s", "amount": 1000,
                 "card": {"number": "4111111111111112", "expiry": "1399", "cvv": "98765"}}
                """.formatted(newInvoice())).post("/v1/payments").then().statusCode(400).extract().asString();
        assertFalse(body.contains("4111111111111112"));
        assertFalse(body.contains("98765"));
    }

    @Test
    void badIdempotencyKeyIsAValidationError() {
        as(ORDERS).header("Idempotency-Key", "has spaces in it").body("{}").post("/v1/payments").then()
                .statusCode(400).body("errors[0].field", equalTo("Idempotency-Key"));
    }
}
