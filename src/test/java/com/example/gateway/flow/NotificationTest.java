package com.example.gateway.flow;

import static com.example.gateway.support.GatewayApi.ORDERS;
import static com.example.gateway.support.GatewayApi.create;
import static com.example.gateway.support.GatewayApi.get;
import static com.example.gateway.support.GatewayApi.newInvoice;
import static com.example.gateway.support.GatewayApi.paymentPage;
import static com.example.gateway.support.GatewayApi.status;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.gateway.emulator.EmulatorOperation;
import com.example.gateway.doku.DokuSigner;
import com.example.gateway.emulator.EmulatorClient;
import com.example.gateway.emulator.EmulatorFault;
import com.example.gateway.emulator.SentNotification;
import com.example.gateway.support.Counted;
import com.example.gateway.support.FreshEmulatorAndClock;
import com.example.gateway.support.Notifications;
import com.example.gateway.support.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** DOKU's notifications: verified before anything is stored, stored as received, applied once, never backwards. */
@QuarkusTest
@FreshEmulatorAndClock
class NotificationTest {

    @Inject
    EmulatorClient emulator;

    @Inject
    TestDatabase db;

    @Inject
    MeterRegistry meters;

    @Test
    void forgedNotificationIsRejectedAndChangesNothing() {
        String invoice = newInvoice();
        String id = create(ORDERS, paymentPage(invoice, 90000)).statusCode(201).extract().path("id");
        String forged = Notifications.body(invoice, 90000, "SALE", "SUCCESS");

        Notifications.send(new DokuSigner("MCH-TEST-0001", "guessed-key"), UUID.randomUUID().toString(), forged)
                .statusCode(401).body("code", equalTo("invalid_signature"));

        assertEquals("PENDING", status(ORDERS, id));
        assertEquals(0, db.count("SELECT count(*) FROM doku_notifications WHERE invoice_number = $1", invoice),
                "a stranger's body is not stored (only counted: UnsignedNotificationFloodTest)");
    }

    @Test
    void tamperedBodyFailsTheSignature() {
        String invoice = newInvoice();
        String id = create(ORDERS, paymentPage(invoice, 90000)).statusCode(201).extract().path("id");
        String signedBody = Notifications.body(invoice, 90000, "SALE", "FAILED");

        Notifications.send(Notifications.DOKU, UUID.randomUUID().toString(), Instant.now(), utf8(signedBody),
                utf8(signedBody.replace("FAILED", "SUCCESS"))).statusCode(401);
        assertEquals("PENDING", status(ORDERS, id));
    }

    @Test
    void duplicateNotificationFromDokuChangesNothing() {
        emulator.scriptFaults(EmulatorOperation.PAYMENT_PAGE, EmulatorFault.DUPLICATE_NOTIFICATION);
        String invoice = newInvoice();
        String id = create(ORDERS, paymentPage(invoice, 45000)).statusCode(201).extract().path("id");

        emulator.pay(invoice, "4111111111111111");

        List<SentNotification> sent = emulator.notifications(invoice);
        assertEquals(2, sent.size());
        assertEquals(sent.get(0).requestId(), sent.get(1).requestId(), "the same notification twice");
        assertEquals(List.of(200, 200), sent.stream().map(SentNotification::gatewayStatus).toList());
        assertEquals("SUCCEEDED", status(ORDERS, id));
        assertEquals(List.of("APPLIED", "DUPLICATE"), db.column(
                "SELECT result FROM doku_notifications WHERE invoice_number = $1 ORDER BY id", invoice));
        get(ORDERS, id).body("captured_amount", equalTo(45000));
    }

    @Test
    void aNotificationWhosePaymentAnotherChangeHoldsIsAppliedOnceWhenTheRowIsFree() {
        String invoice = newInvoice();
        String id = create(ORDERS, paymentPage(invoice, 52000)).statusCode(201).extract().path("id");
        double succeeded = succeededPages();

        // Another change holds the payment's row: the notification waits for it, then applies to what it left.
        TestDatabase.HeldRow held = db.lockPayment(id);
        CompletableFuture<String> result = CompletableFuture.supplyAsync(() -> Notifications.send(
                Notifications.body(invoice, 52000, "SALE", "SUCCESS")).statusCode(200).extract().path("result"));
        await().atMost(Duration.ofSeconds(10)).until(() -> db.count("SELECT count(*) FROM pg_stat_activity "
                + "WHERE datname = current_database() AND wait_event_type = 'Lock'") == 1);
        held.commitMoved();

        assertEquals("applied", result.join());
        assertEquals("SUCCEEDED", status(ORDERS, id));
        assertEquals(List.of("APPLIED"), db.column("SELECT result FROM doku_notifications WHERE invoice_number = $1",
                invoice), "stored once");
        assertEquals(List.of("notification"), db.column(
                "SELECT cause FROM payment_events WHERE payment_id = $1 AND type = 'payment.succeeded'", id));
        assertEquals(succeeded + 1, succeededPages(), "counted once");
    }

    @Test
    void aNotificationIsStoredAsReceivedWhetherItChangedItsPaymentOrNot() {
        String invoice = newInvoice();
        String id = create(ORDERS, paymentPage(invoice, 61000)).statusCode(201).extract().path("id");
        Instant signedAt = Instant.now(); // within the gateway's window for Request-Timestamp
        // Applied, then outdated.
        for (String status : List.of("SUCCESS", "FAILED")) {
            String requestId = UUID.randomUUID().toString();
            byte[] body = utf8(Notifications.body(invoice, 61000, "SALE", status));
            Notifications.send(Notifications.DOKU, requestId, signedAt, body, body).statusCode(200);

            String timestamp = DokuSigner.timestamp(signedAt);
            assertEquals(List.of(requestId, "MCH-TEST-0001", timestamp,
                            Notifications.DOKU.sign(requestId, timestamp, Notifications.TARGET, body), Notifications.TARGET,
                            new String(body, StandardCharsets.UTF_8), invoice, id, status.equals("SUCCESS") ? "APPLIED" : "OUTDATED"),
                    db.row("SELECT doku_request_id, client_id, request_timestamp, signature, request_target, "
                            + "convert_from(body, 'UTF8'), invoice_number, payment_id, result FROM doku_notifications "
                            + "WHERE doku_request_id = $1", requestId));
        }
    }

    private double succeededPages() {
        return Counted.count(meters, "gateway.payments", "flow", "PAYMENT_PAGE", "type", "SALE", "status", "SUCCEEDED");
    }

    @Test
    void lateNotificationsNeverMoveAStatusBackwards() {
        String invoice = newInvoice();
        String id = create(ORDERS, paymentPage(invoice, 30000)).statusCode(201).extract().path("id");
        emulator.pay(invoice, "4111111111111111");
        await().atMost(Duration.ofSeconds(10)).until(() -> status(ORDERS, id), "SUCCEEDED"::equals);

        Notifications.send(Notifications.body(invoice, 30000, "SALE", "PENDING")).statusCode(200)
                .body("result", equalTo("outdated"));
        Notifications.send(Notifications.body(invoice, 30000, "SALE", "FAILED")).statusCode(200)
                .body("result", equalTo("outdated"));

        assertEquals("SUCCEEDED", status(ORDERS, id));
    }

    @Test
    void notificationForAnUnknownInvoiceIs404AndRecorded() {
        String invoice = newInvoice();
        Notifications.send(Notifications.body(invoice, 1000, "SALE", "SUCCESS")).statusCode(404)
                .body("code", equalTo("payment_not_found"));
        assertEquals(1, db.count("SELECT count(*) FROM doku_notifications WHERE invoice_number = $1 "
                + "AND result = 'UNKNOWN_INVOICE'", invoice));
    }

    @Test
    void staleTimestampIsRejectedEvenWithAValidSignature() {
        String invoice = newInvoice();
        String id = create(ORDERS, paymentPage(invoice, 20000)).statusCode(201).extract().path("id");
        byte[] body = utf8(Notifications.body(invoice, 20000, "SALE", "SUCCESS"));

        Notifications.send(Notifications.DOKU, UUID.randomUUID().toString(), Instant.now().minus(Duration.ofHours(1)),
                body, body).statusCode(401);
        assertEquals("PENDING", status(ORDERS, id));
    }

    @Test
    void amountThatDiffersFromThePaymentIsNotApplied() {
        String invoice = newInvoice();
        String id = create(ORDERS, paymentPage(invoice, 20000)).statusCode(201).extract().path("id");
        Notifications.send(Notifications.body(invoice, 1, "SALE", "SUCCESS")).statusCode(200)
                .body("result", equalTo("amount_mismatch"));
        assertEquals("PENDING", status(ORDERS, id));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
