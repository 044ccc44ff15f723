package com.example.gateway.api;

import static com.example.gateway.support.GatewayApi.ORDERS;
import static com.example.gateway.support.GatewayApi.create;
import static com.example.gateway.support.GatewayApi.newInvoice;
import static com.example.gateway.support.GatewayApi.paymentPage;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.gateway.emulator.EmulatorClient;
import com.example.gateway.support.FreshEmulatorAndClock;
import com.example.gateway.support.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * {@code override_notification_url} sends DOKU's signed notification (customer, masked card, token)
 * wherever it points: only hosts on its own allow-list are accepted (the test profile lists localhost).
 */
@QuarkusTest
@FreshEmulatorAndClock
class NotificationUrlAllowListTest {

    @Inject
    EmulatorClient emulator;

    @Inject
    TestDatabase db;

    @Test
    void aHostOffTheAllowListIsRefusedAndNothingIsLeftBehind() {
        String invoice = newInvoice();
        create(ORDERS, withNotificationUrl(invoice, "https://collector.attacker.example/doku")).statusCode(400)
                .body("code", equalTo("validation_failed"))
                .body("errors.field", contains("override_notification_url"));
        assertEquals(0, db.count("SELECT count(*) FROM payments WHERE invoice_number = $1", invoice));
        assertEquals(0, emulator.requests().size(), "no DOKU call");
    }

    @Test
    void aListedHostIsSentToDoku() {
        create(ORDERS, withNotificationUrl(newInvoice(), "https://localhost/doku-notifications")).statusCode(201);
    }

    private static String withNotificationUrl(String invoice, String url) {
        String page = paymentPage(invoice, 45000).strip();
        return page.substring(0, page.length() - 1) + ", \"override_notification_url\": \"" + url + "\"}";
    }
}
