package com.example.gateway.payment;

import static com.example.gateway.support.GatewayApi.newInvoice;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.gateway.support.Ids;
import com.example.gateway.support.SqlTime;
import com.example.gateway.support.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The gauges' numbers ({@link Payments#counts}), now that their SQL lives behind the door and its statuses
 * come from the enums: an authorization awaiting capture, one of them due soon, an UNKNOWN payment, and a
 * PENDING one that counts nowhere. The schedulers are off in tests, so nothing else moves these rows.
 */
@QuarkusTest
class PaymentCountsTest {

    @Inject
    Payments payments;

    @Inject
    PaymentRows rows;

    @Inject
    TestDatabase db;

    @Test
    void countsAwaitingCaptureDueAndUnknown() throws Throwable {
        Instant dueBy = Instant.parse("2031-01-01T00:00:00Z");
        Payments.Counts before = VertxContextSupport.subscribeAndAwait(() -> payments.counts(dueBy));

        stored(PaymentStatus.AUTHORIZED, dueBy.minus(Duration.ofHours(1)));
        stored(PaymentStatus.AUTHORIZED, dueBy.plus(Duration.ofHours(1)));
        stored(PaymentStatus.UNKNOWN, null);
        stored(PaymentStatus.PENDING, null);

        Payments.Counts after = VertxContextSupport.subscribeAndAwait(() -> payments.counts(dueBy));
        assertEquals(before.awaitingCapture() + 2, after.awaitingCapture(), "both authorizations await capture");
        assertEquals(before.dueBy() + 1, after.dueBy(), "one is due by then");
        assertEquals(before.unknown() + 1, after.unknown(), "the UNKNOWN payment");
    }

    private void stored(PaymentStatus status, Instant captureDeadline) throws Throwable {
        Payment p = new Payment();
        p.id = Ids.newId("pay");
        p.clientName = "orders";
        p.invoiceNumber = newInvoice();
        p.amount = 5000;
        p.flow = PaymentFlow.CHARGE;
        p.paymentType = PaymentType.AUTHORIZE;
        p.dokuRequestId = "req-" + p.invoiceNumber;
        p.createdAt = Instant.parse("2026-12-01T10:15:30Z");
        p.updatedAt = p.createdAt;
        VertxContextSupport.subscribeAndAwait(() -> rows.insert(p));
        // Straight to the status under test: how it got there is the state machine's business, not the count's.
        db.count("WITH moved AS (UPDATE payments SET status = $2, capture_deadline = $3 WHERE id = $1 RETURNING 1) "
                + "SELECT count(*) FROM moved", p.id, status.name(), SqlTime.utc(captureDeadline));
    }
}
