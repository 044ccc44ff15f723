package com.example.gateway.flow;

import static com.example.gateway.support.GatewayApi.ORDERS;
import static com.example.gateway.support.GatewayApi.create;
import static com.example.gateway.support.GatewayApi.newInvoice;
import static com.example.gateway.support.GatewayApi.paymentPage;
import static com.example.gateway.support.GatewayApi.status;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.gateway.support.Counted;
import com.example.gateway.support.Notifications;
import com.example.gateway.support.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A properly signed notification is applied only when its {@code order.amount} is the payment's amount
 * as a whole JSON number: missing, fractional, textual or different is {@code amount_mismatch}, left for
 * an operator (and counted, for the alert).
 */
@QuarkusTest
class NotificationAmountTest {

    private static final long AMOUNT = 20000;

    @Inject
    TestDatabase db;

    @Inject
    MeterRegistry meters;

    @ParameterizedTest(name = "order.amount = {0}")
    @NullSource
    @ValueSource(strings = {"\"20000\"", "20000.9", "20000.0", "2e4", "null", "19999", "-20000",
        "20000000000000000000000", "{\"value\": 20000}"})
    void aSignedNotificationWhoseAmountIsNotThePaymentsIsNotApplied(String amountJson) {
        String invoice = newInvoice();
        String id = create(ORDERS, paymentPage(invoice, AMOUNT)).statusCode(201).extract().path("id");
        double mismatchesBefore = mismatches();

        Notifications.send(Notifications.bodyWithAmount(invoice, amountJson, "SALE", "SUCCESS")).statusCode(200)
                .body("result", equalTo("amount_mismatch"));

        assertEquals("PENDING", status(ORDERS, id), "not applied");
        assertEquals(List.of("AMOUNT_MISMATCH"), db.column(
                "SELECT result FROM doku_notifications WHERE invoice_number = $1", invoice), "stored, as authentic");
        assertEquals(mismatchesBefore + 1, mismatches(), "counted in gateway_notifications_total{result=amount_mismatch}");
    }

    @Test
    void theSameWholeAmountIsApplied() {
        String invoice = newInvoice();
        String id = create(ORDERS, paymentPage(invoice, AMOUNT)).statusCode(201).extract().path("id");

        Notifications.send(Notifications.bodyWithAmount(invoice, "20000", "SALE", "SUCCESS")).statusCode(200)
                .body("result", equalTo("applied"));
        assertEquals("SUCCEEDED", status(ORDERS, id));
    }

    private double mismatches() {
        return Counted.count(meters, "gateway.notifications", "result", "amount_mismatch");
    }
}
