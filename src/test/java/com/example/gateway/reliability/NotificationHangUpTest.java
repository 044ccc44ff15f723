package com.example.gateway.reliability;

import com.example.gateway.support.TestPorts;
import static com.example.gateway.support.GatewayApi.ORDERS;
import static com.example.gateway.support.GatewayApi.create;
import static com.example.gateway.support.GatewayApi.newInvoice;
import static com.example.gateway.support.GatewayApi.paymentPage;
import static com.example.gateway.support.GatewayApi.status;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.gateway.doku.DokuSigner;
import com.example.gateway.support.Notifications;
import com.example.gateway.support.RawHttp;
import com.example.gateway.support.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * DOKU (or a proxy before us) hangs up while a notification is being applied: the notification is
 * still stored as received and applied. Found under load: the cut-off request used to leave the
 * Hibernate session mid-transaction and nothing was stored.
 */
@QuarkusTest
class NotificationHangUpTest {

    private static final int API_PORT = TestPorts.api();
    private static final int PAYMENTS = 20;

    @Inject
    TestDatabase db;

    @Test
    void aNotificationWhoseSenderHangsUpIsStillStoredAndApplied() {
        List<String> ids = new ArrayList<>();
        List<String> invoices = new ArrayList<>();
        for (int i = 0; i < PAYMENTS; i++) {
            String invoice = newInvoice();
            invoices.add(invoice);
            ids.add(create(ORDERS, paymentPage(invoice, 20000)).statusCode(201).extract().path("id"));
        }
        for (String invoice : invoices) {
            byte[] body = Notifications.body(invoice, 20000, "SALE", "SUCCESS").getBytes(StandardCharsets.UTF_8);
            RawHttp.sendAndHangUp(API_PORT, "POST", Notifications.TARGET, signedHeaders(body), body);
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> db.count(
                "SELECT count(*) FROM doku_notifications WHERE invoice_number = ANY($1) AND result = 'APPLIED'",
                (Object) invoices.toArray(String[]::new)), stored -> stored == PAYMENTS);
        for (String id : ids) {
            assertEquals("SUCCEEDED", status(ORDERS, id));
        }
    }

    private static List<String> signedHeaders(byte[] body) {
        DokuSigner signer = Notifications.DOKU;
        String requestId = UUID.randomUUID().toString();
        String timestamp = DokuSigner.timestamp(Instant.now());
        return List.of("Content-Type: application/json", "Client-Id: " + signer.clientId(), "Request-Id: " + requestId,
                "Request-Timestamp: " + timestamp,
                "Signature: " + signer.sign(requestId, timestamp, Notifications.TARGET, body));
    }
}
