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
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.gateway.doku.DokuSigner;
import com.example.gateway.notification.UnverifiedNotifications;
import com.example.gateway.support.Counted;
import com.example.gateway.support.Notifications;
import com.example.gateway.support.TestDatabase;
import com.example.gateway.support.TestPorts;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * DOKU's notification endpoint is open to the internet. What a stranger posts there without DOKU's
 * signature is answered 401 before any database work: no row, no transaction, no pool connection;
 * it is kept only as a count per hour and body hash. DOKU's own notifications are stored and applied.
 */
@QuarkusTest
class UnsignedNotificationFloodTest {

    private static final int ATTEMPTS = 1000;
    private static final int IN_FLIGHT = 20;
    private static final DokuSigner STRANGER = new DokuSigner("MCH-TEST-0001", "guessed-key");
    /** Distinct body hashes kept per hour, plus the row of the others. */
    private static final int UNVERIFIED_ROWS_PER_HOUR_BOUND = 101;

    @Inject
    TestDatabase db;

    @Inject
    MeterRegistry meters;

    @Inject
    UnverifiedNotifications unverified;

    @Test
    void aThousandUnsignedNotificationsStoreNothingAndHoldNoConnection() throws Throwable {
        String invoice = newInvoice();
        String id = create(ORDERS, paymentPage(invoice, 90000)).statusCode(201).extract().path("id");
        long rowsBefore = db.count("SELECT count(*) FROM doku_notifications");
        VertxContextSupport.subscribeAndAwait(() -> unverified.flush());
        long countsBefore = db.count("SELECT coalesce(sum(attempts), 0) FROM unverified_notifications");
        long countRowsBefore = db.count("SELECT count(*) FROM unverified_notifications");
        double invalidBefore = invalidSignatures();
        double poolUsesBefore = poolUses();

        List<Integer> statuses = sendUnsigned(invoice);

        assertEquals(List.of(401), statuses.stream().distinct().toList(), "every one refused");
        assertEquals(rowsBefore, db.count("SELECT count(*) FROM doku_notifications"), "doku_notifications did not grow");
        // Only the background jobs (webhook dispatch, each second) use the pool meanwhile.
        assertTrue(poolUses() - poolUsesBefore < ATTEMPTS / 10.0,
                "the refusals took no pool connection: " + (poolUses() - poolUsesBefore) + " uses");
        assertEquals(invalidBefore + ATTEMPTS, invalidSignatures(), "counted in gateway_notifications_total");

        long counted = VertxContextSupport.subscribeAndAwait(() -> unverified.flush());
        assertEquals(ATTEMPTS, counted, "every attempt counted");
        assertEquals(countsBefore + ATTEMPTS, db.count("SELECT coalesce(sum(attempts), 0) FROM unverified_notifications"));
        assertTrue(db.count("SELECT count(*) FROM unverified_notifications") - countRowsBefore
                <= UNVERIFIED_ROWS_PER_HOUR_BOUND * 2L, "a bounded number of rows (two hours at most), not one per body");
        assertEquals(0, db.count("SELECT count(*) FROM unverified_notifications WHERE body_sha256 !~ '^([0-9a-f]{64}|others)$'"),
                "nothing but a hash is kept");
        await().atMost(Duration.ofSeconds(5)).until(() -> db.count("SELECT count(*) FROM pg_stat_activity "
                + "WHERE datname = current_database() AND pid <> pg_backend_pid() AND state <> 'idle'") == 0);
        long started = System.nanoTime();
        get(ORDERS, id).statusCode(200);
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(1)) < 0,
                "a normal request still answers at once");
    }

    /** {@value #ATTEMPTS} notifications with a wrong key, each body different, {@value #IN_FLIGHT} at a time. */
    private static List<Integer> sendUnsigned(String invoice) {
        HttpClient http = HttpClient.newHttpClient();
        List<Integer> statuses = new ArrayList<>();
        for (int batch = 0; batch < ATTEMPTS / IN_FLIGHT; batch++) {
            List<CompletableFuture<HttpResponse<Void>>> pending = new ArrayList<>();
            for (int i = 0; i < IN_FLIGHT; i++) {
                byte[] body = (Notifications.body(invoice, 90000, "SALE", "SUCCESS") + " ".repeat(batch * IN_FLIGHT + i))
                        .getBytes(StandardCharsets.UTF_8);
                pending.add(http.sendAsync(unsigned(body), HttpResponse.BodyHandlers.discarding()));
            }
            pending.forEach(response -> statuses.add(response.join().statusCode()));
        }
        return statuses;
    }

    private static HttpRequest unsigned(byte[] body) {
        String requestId = UUID.randomUUID().toString();
        String timestamp = DokuSigner.timestamp(Instant.now());
        return HttpRequest.newBuilder(URI.create("http://localhost:" + TestPorts.api() + Notifications.TARGET))
                .header("Content-Type", "application/json").header("Client-Id", STRANGER.clientId())
                .header("Request-Id", requestId).header("Request-Timestamp", timestamp)
                .header("Signature", STRANGER.sign(requestId, timestamp, Notifications.TARGET, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    @Test
    void aSignedNotificationIsStillStoredAndAppliedExactlyOnce() {
        String invoice = newInvoice();
        String id = create(ORDERS, paymentPage(invoice, 90000)).statusCode(201).extract().path("id");
        String requestId = UUID.randomUUID().toString();
        String body = Notifications.body(invoice, 90000, "SALE", "SUCCESS");

        Notifications.send(Notifications.DOKU, requestId, body).statusCode(200).body("result", equalTo("applied"));
        Notifications.send(Notifications.DOKU, requestId, body).statusCode(200).body("result", equalTo("duplicate"));

        assertEquals("SUCCEEDED", status(ORDERS, id));
        assertEquals(List.of("APPLIED", "DUPLICATE"), db.column(
                "SELECT result FROM doku_notifications WHERE invoice_number = $1 ORDER BY id", invoice));
    }

    private double invalidSignatures() {
        return Counted.count(meters, "gateway.notifications", "result", "invalid_signature");
    }

    /** How many times a connection was taken from the reactive SQL pool and given back (Vert.x pool metrics). */
    private double poolUses() {
        return meters.get("sql.pool.completed").tag("pool.type", "sql").counter().count();
    }
}
