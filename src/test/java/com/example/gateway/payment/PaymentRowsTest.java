package com.example.gateway.payment;

import static com.example.gateway.support.GatewayApi.ORDERS;
import static com.example.gateway.support.GatewayApi.as;
import static com.example.gateway.support.GatewayApi.charge;
import static com.example.gateway.support.GatewayApi.create;
import static com.example.gateway.support.GatewayApi.newInvoice;
import static com.example.gateway.support.GatewayApi.paymentPage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.example.gateway.emulator.EmulatorClient;
import com.example.gateway.support.Ids;
import com.example.gateway.support.TestDatabase;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The plain-SQL statements of {@link PaymentRows} map the same columns as the entities: a payment read
 * with its captures and refunds, and a payment inserted, look the same to Hibernate Reactive and to
 * the plain statements, field by field (every public field of {@link Payment} and {@link PaymentOperation}).
 */
@QuarkusTest
class PaymentRowsTest {

    private static final String APPROVE = "4111111111111111";

    @Inject
    PaymentRows rows;

    @Inject
    EmulatorClient emulator;

    @Inject
    Payments payments;

    @Inject
    TestDatabase db;

    @Inject
    Clock clock;

    @Test
    void aPaymentWithCapturesAndRefundsReadsAsItsEntitiesDo() throws Throwable {
        String invoice = newInvoice();
        String body = charge(invoice, 90000, "AUTHORIZE", APPROVE).strip();
        String withMetadata = body.substring(0, body.length() - 1) + ", \"metadata\": {\"order_ref\": \"A-1\", \"b\": \"2\"}}";
        String id = create(ORDERS, withMetadata).statusCode(201).extract().path("id");
        as(ORDERS).body("{\"amount\": 60000}").post("/v1/payments/" + id + "/capture").then().statusCode(200);
        emulator.settle(invoice); // a part of a capture is refunded after settlement, not voided
        as(ORDERS).body("{\"amount\": 10000, \"reason\": \"one item back\"}").post("/v1/payments/" + id + "/refunds")
                .then().statusCode(201);

        Payments.Details plain = VertxContextSupport.subscribeAndAwait(() -> rows.details(id));
        Payments.Details entities = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(
                () -> Payment.<Payment>findById(id).chain(p -> PaymentOperations.of(id).map(ops -> new Payments.Details(p, ops)))));

        assertEquals(2, entities.operations().size(), "a capture and a refund");
        assertNotNull(entities.payment().cardMasked, "a charge has its masked card");
        assertEquals(Map.of("order_ref", "A-1", "b", "2"), entities.payment().metadata, "its metadata");
        assertEquals(fields(entities.payment()), fields(plain.payment()));
        assertEquals(entities.operations().stream().map(PaymentRowsTest::fields).toList(),
                plain.operations().stream().map(PaymentRowsTest::fields).toList());
        assertEquals(entities.view(), plain.view());
    }

    @Test
    void aPaymentPageStillWaitingForItsUrlReadsAsItsEntityDoes() throws Throwable {
        String id = create(ORDERS, paymentPage(newInvoice(), 25000)).statusCode(201).extract().path("id");
        // Put the page request back, as a lost DOKU answer leaves it: the bytes must survive both ways.
        byte[] pageRequest = "{\"order\":{\"amount\":25000}}".getBytes();
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Payment.<Payment>findById(id)
                .invoke(p -> p.pageRequest = pageRequest)));

        Payments.Details plain = VertxContextSupport.subscribeAndAwait(() -> rows.details(id));
        Payment entity = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Payment.<Payment>findById(id)));

        assertEquals(fields(entity), fields(plain.payment()));
        assertEquals(List.of(), plain.operations());
    }

    @Test
    void anInsertedPaymentReadsBackAsWritten() throws Throwable {
        Payment written = newPagePayment();
        written.customerId = "CUST-ROWS";
        // Far ahead of any test clock: no other test's reconciliation run picks it up.
        written.nextReconcileAt = Instant.parse("2100-01-01T00:00:00Z");

        VertxContextSupport.subscribeAndAwait(() -> rows.insert(written));
        Payment read = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(
                () -> Payment.<Payment>findById(written.id)));

        assertEquals(fields(written), fields(read));
        assertNull(VertxContextSupport.subscribeAndAwait(() -> rows.details("pay_doesnotexist000000000000")));
    }

    @Test
    void aPageOpenedOnAnUntouchedRowIsOneStatementAndOnAChangedRowGoesUnderTheLock() throws Throwable {
        Payment untouched = newPagePayment();
        Payment changed = newPagePayment();
        VertxContextSupport.subscribeAndAwait(() -> rows.insert(untouched).chain(() -> rows.insert(changed)));
        // Something else (reconciliation, a notification) changed this row after its insert.
        db.count("WITH bumped AS (UPDATE payments SET version = version + 1 WHERE id = $1 RETURNING 1) "
                + "SELECT count(*) FROM bumped", changed.id);

        for (Payment written : List.of(untouched, changed)) {
            Payment opened = VertxContextSupport.subscribeAndAwait(() -> payments.pageOpened(written,
                    (unit, p) -> p.pageOpened(unit, "http://localhost/pay/" + p.id, Transition.Cause.API, clock.instant())));
            Payments.Details stored = VertxContextSupport.subscribeAndAwait(() -> rows.details(written.id));
            assertEquals("http://localhost/pay/" + written.id, stored.payment().paymentPageUrl);
            assertNull(stored.payment().pageRequest, "the request kept for recovery is dropped");
            assertEquals(stored.payment().version, opened.version, "the answer carries the row's version");
            assertEquals(List.of("payment.pending"), db.column("SELECT type FROM payment_events WHERE payment_id = $1",
                    written.id), "one event, stored with the change");
        }
        assertEquals(1, db.count("SELECT version FROM payments WHERE id = $1", untouched.id), "one statement: version 0 to 1");
        assertEquals(2, db.count("SELECT version FROM payments WHERE id = $1", changed.id), "the locked path after the other change");
    }

    private static Payment newPagePayment() {
        Payment p = new Payment();
        p.id = Ids.newId("pay");
        p.clientName = "orders";
        p.invoiceNumber = newInvoice();
        p.amount = 5000;
        p.flow = PaymentFlow.PAYMENT_PAGE;
        p.paymentType = PaymentType.SALE;
        p.dokuRequestId = "req-" + p.invoiceNumber;
        p.pageRequest = new byte[] {7};
        p.metadata = Map.of("order_ref", "A-1", "note", "ü \" \\ {}");
        p.createdAt = Instant.parse("2026-12-01T10:15:30.123456Z");
        p.updatedAt = p.createdAt;
        return p;
    }

    /** Every public instance field by name, arrays by content. */
    private static Map<String, Object> fields(Object entity) {
        Map<String, Object> values = new TreeMap<>();
        for (Field field : entity.getClass().getFields()) {
            if (Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            try {
                Object value = field.get(entity);
                values.put(field.getName(), value instanceof byte[] bytes ? Arrays.toString(bytes) : value);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return values;
    }
}
