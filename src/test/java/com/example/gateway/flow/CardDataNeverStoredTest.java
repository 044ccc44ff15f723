package com.example.gateway.flow;

import static com.example.gateway.support.GatewayApi.ORDERS;
import static com.example.gateway.support.GatewayApi.create;
import static com.example.gateway.support.GatewayApi.newInvoice;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.gateway.support.TestDatabase;
import com.example.gateway.support.TestPorts;
import com.example.gateway.support.ThreeDSecureFlow;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A charged card number must appear in no log line, no table and no metric. */
@QuarkusTest
class CardDataNeverStoredTest {

    private static final String CARD = "5573381011111101";
    private static final String CVV = "987";

    @Inject
    TestDatabase db;

    @Test
    void aChargedCardNumberIsNowhereToBeFound() throws Exception {
        String invoice = newInvoice();
        create(ORDERS, """
                {"flow": "CHARGE", "invoice_number": "%s", "amount": 90000, "payment_type": "SALE",
                 "customer": {"id": "CUST-PCI", "email": "pci@example.com"},
                 "card": {"number": "%s", "expiry": "0931", "cvv": "%s"},
                 "three_dsecure_authentication_id": "%s"}
                """.formatted(invoice, CARD, CVV, ThreeDSecureFlow.authenticated(ORDERS, invoice, 90000, CARD))).statusCode(201)
                .body("status", equalTo("SUCCEEDED"))
                .body("card.masked", equalTo("557338******1101"));

        String log = Files.readString(Path.of("target/test-gateway.log"));
        assertTrue(log.contains(invoice) || !log.isEmpty(), "the log file is being written");
        assertFalse(log.contains(CARD), "card number in the log");
        assertFalse(db.allText().stream().anyMatch(row -> row.contains(CARD)), "card number in the database");
        assertFalse(db.allText().stream().anyMatch(row -> row.contains("\"cvv\"")), "CVV in the database");
        String metrics = given().port(TestPorts.management()).get("/q/metrics").then().extract().asString();
        assertFalse(metrics.contains(CARD) || metrics.contains(invoice), "card number or invoice in a metric");
    }
}
