package com.example.gateway.notification;

import static com.example.gateway.support.GatewayApi.ORDERS;
import static com.example.gateway.support.GatewayApi.create;
import static com.example.gateway.support.GatewayApi.newInvoice;
import static com.example.gateway.support.GatewayApi.paymentPage;
import static com.example.gateway.support.GatewayApi.status;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.gateway.doku.DokuSigner;
import com.example.gateway.support.Counted;
import com.example.gateway.support.FreshEmulatorAndClock;
import com.example.gateway.support.MutableClock;
import com.example.gateway.support.Notifications;
import com.example.gateway.support.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Authentic notifications are kept for the retention period (90 days by default), the hourly counts
 * of unverified ones for theirs (30 days), then purged and counted in gateway_notifications_purged_total.
 */
@QuarkusTest
@FreshEmulatorAndClock
class NotificationRetentionTest {

    @Inject
    MutableClock clock;

    @Inject
    NotificationPurge purge;

    @Inject
    UnverifiedNotifications unverified;

    @Inject
    TestDatabase db;

    @Inject
    MeterRegistry meters;

    @Test
    void storedNotificationsArePurgedAfterTheRetention() throws Throwable {
        String invoice = newInvoice();
        String id = create(ORDERS, paymentPage(invoice, 15000)).statusCode(201).extract().path("id");
        Notifications.send(Notifications.body(invoice, 15000, "SALE", "SUCCESS")).statusCode(200)
                .body("result", equalTo("applied"));
        double purgedBefore = purged("notification");

        clock.advance(Duration.ofDays(89));
        VertxContextSupport.subscribeAndAwait(() -> purge.runOnce());
        assertEquals(1, stored(invoice), "kept within the retention");

        clock.advance(Duration.ofDays(2));
        int purged = VertxContextSupport.subscribeAndAwait(() -> purge.runOnce());
        assertTrue(purged >= 1);
        assertEquals(0, stored(invoice), "purged after it");
        assertEquals(purgedBefore + purged, purged("notification"), "counted in gateway_notifications_purged_total");
        assertEquals("SUCCEEDED", status(ORDERS, id), "the payment itself stays");
    }

    @Test
    void unverifiedCountsArePurgedAfterTheirRetention() throws Throwable {
        Notifications.send(new DokuSigner("MCH-TEST-0001", "guessed-key"), UUID.randomUUID().toString(),
                Notifications.body(newInvoice(), 1000, "SALE", "SUCCESS")).statusCode(401);
        OffsetDateTime hour = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS);
        VertxContextSupport.subscribeAndAwait(() -> unverified.flush());
        assertTrue(countsOf(hour) >= 1, "counted");

        clock.advance(Duration.ofDays(29));
        VertxContextSupport.subscribeAndAwait(() -> purge.runOnce());
        assertTrue(countsOf(hour) >= 1, "kept within their retention");

        clock.advance(Duration.ofDays(2));
        VertxContextSupport.subscribeAndAwait(() -> purge.runOnce());
        assertEquals(0, countsOf(hour), "purged after it");
    }

    private long stored(String invoice) {
        return db.count("SELECT count(*) FROM doku_notifications WHERE invoice_number = $1", invoice);
    }

    private long countsOf(OffsetDateTime hour) {
        return db.count("SELECT count(*) FROM unverified_notifications WHERE hour = $1", hour);
    }

    private double purged(String kind) {
        return Counted.count(meters, "gateway.notifications.purged", "kind", kind);
    }
}
