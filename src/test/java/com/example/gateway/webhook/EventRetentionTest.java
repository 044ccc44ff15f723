package com.example.gateway.webhook;

import static com.example.gateway.support.GatewayApi.ORDERS;
import static com.example.gateway.support.GatewayApi.create;
import static com.example.gateway.support.GatewayApi.newInvoice;
import static com.example.gateway.support.GatewayApi.paymentPage;
import static com.example.gateway.support.Events.typesAndCauses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.gateway.support.FreshEmulatorAndClock;
import com.example.gateway.support.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Events, and their deliveries with them, are kept for the retention period (30 days by default), then purged. */
@QuarkusTest
@FreshEmulatorAndClock
class EventRetentionTest {

    @Inject
    MutableClock clock;

    @Inject
    EventPurge purge;

    @Test
    void eventsOlderThanTheRetentionArePurged() throws Throwable {
        String id = create(ORDERS, paymentPage(newInvoice(), 15000)).statusCode(201).extract().path("id");
        clock.advance(Duration.ofDays(29));
        VertxContextSupport.subscribeAndAwait(() -> purge.runOnce());
        assertEquals(List.of("payment.pending/api"), typesAndCauses(ORDERS, id), "kept within the retention");

        clock.advance(Duration.ofDays(2));
        assertTrue(VertxContextSupport.subscribeAndAwait(() -> purge.runOnce()) >= 1);
        assertEquals(List.of(), typesAndCauses(ORDERS, id));
    }
}
