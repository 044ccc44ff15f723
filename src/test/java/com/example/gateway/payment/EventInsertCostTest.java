package com.example.gateway.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.gateway.payment.Transition.Cause;
import com.example.gateway.support.TestDatabase;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What the outbox adds to a payment creation, measured (and printed, {@code [event-cost]}; nothing is
 * asserted about time). A payment page's creation is two transactions; the event is written in the
 * second, which records the page's URL. That transaction is timed as it runs under the row lock (the
 * way {@link Payments#recordAnswer} takes when the row changed after its insert, and the way every other
 * change takes: lock, update, and the {@code payment.pending} row: flush, the operations query, the
 * JSON, the insert) against the same transaction without the event, alternately on the same rows.
 */
@QuarkusTest
class EventInsertCostTest {

    private static final int WARM_UP = 100;
    private static final int MEASURED = 400;

    @Inject
    Payments payments;

    @Inject
    TestDatabase db;

    @Inject
    Clock clock;

    @Test
    void theAddedCostOfThePendingEventPerPaymentPage() throws Throwable {
        List<String> ids = pendingPayments(WARM_UP + MEASURED);
        long[] without = new long[MEASURED];
        long[] with = new long[MEASURED];
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            boolean eventFirst = i % 2 == 0;
            long first = eventFirst ? withEvent(id) : withoutEvent(id);
            long second = eventFirst ? withoutEvent(id) : withEvent(id);
            if (i >= WARM_UP) {
                with[i - WARM_UP] = eventFirst ? first : second;
                without[i - WARM_UP] = eventFirst ? second : first;
            }
        }
        // Not real pages: keep them from reconciliation, which other tests run.
        db.count("WITH done AS (UPDATE payments SET next_reconcile_at = NULL WHERE id = ANY($1) RETURNING 1) "
                + "SELECT count(*) FROM done", (Object) ids.toArray(String[]::new));
        assertEquals(ids.size(), db.count("SELECT count(*) FROM payment_events WHERE payment_id = ANY($1)",
                (Object) ids.toArray(String[]::new)), "one event per page opened");
        System.out.printf("[event-cost] URL-recording transaction of a payment page, %d runs each: without the event "
                        + "median %.2f ms (mean %.2f), with it median %.2f ms (mean %.2f): +%.2f ms median per creation%n",
                MEASURED, median(without), mean(without), median(with), mean(with), median(with) - median(without));
    }

    private long withEvent(String id) throws Throwable {
        long start = System.nanoTime();
        VertxContextSupport.subscribeAndAwait(() -> payments.update(id,
                (unit, p) -> p.pageOpened(unit, "http://localhost/pay/" + id, Cause.API, clock.instant())));
        return System.nanoTime() - start;
    }

    private long withoutEvent(String id) throws Throwable {
        long start = System.nanoTime();
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Payment.<Payment>findById(id,
                LockModeType.PESSIMISTIC_WRITE).invoke(p -> p.paymentPageUrl = "http://localhost/pay/" + id)));
        return System.nanoTime() - start;
    }

    private List<String> pendingPayments(int count) {
        String run = "COST-" + UUID.randomUUID().toString().substring(0, 8);
        db.count("WITH made AS (INSERT INTO payments (id, client_name, invoice_number, amount, flow, payment_type, "
                + "status, doku_request_id, created_at, updated_at) SELECT 'pay_' || substr(md5($1 || g), 1, 24), 'orders', "
                + "$1 || '-' || g, 10000, 'PAYMENT_PAGE', 'SALE', 'PENDING', $1 || '-req-' || g, now(), now() "
                + "FROM generate_series(1, $2) g RETURNING 1) SELECT count(*) FROM made", run, count);
        return new ArrayList<>(db.column("SELECT id FROM payments WHERE invoice_number LIKE $1 ORDER BY invoice_number",
                run + "-%"));
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e6;
    }

    private static double mean(long[] nanos) {
        return Arrays.stream(nanos).average().orElse(0) / 1e6;
    }
}
