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
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.gateway.emulator.EmulatorClient;
import com.example.gateway.support.Ids;
import com.example.gateway.support.TestDatabase;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The plain-SQL statements of {@link PaymentRows} map the same columns as the entities: a payment read
 * with its captures and refunds, a payment inserted, a payment answered in one statement, and a payment and
 * capture changed under the row lock look the same to Hibernate Reactive and to the plain statements, field by
 * field (every persistent field of {@link Payment} and {@link PaymentOperation}).
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
    void anAnswerOnAnUntouchedRowWritesEveryChangeableColumnAsItsEntityReadsIt() throws Throwable {
        Payment written = newPagePayment();
        VertxContextSupport.subscribeAndAwait(() -> rows.insert(written));

        Payment answered = VertxContextSupport.subscribeAndAwait(() -> payments.recordAnswer(written, (unit, p) -> {
            p.pageOpened(unit, "http://localhost/pay/" + p.id, Transition.Cause.API, clock.instant()); // its one event
            setEveryChangeableField(p, PAYMENT_FIXED_AT_INSERT);
        }));

        assertSame(written, answered, "the one statement, not the locked path (which answers the payment it read)");
        assertEquals(fields(written), fields(entity(written.id)), "every field of the payment, as Hibernate reads it");
        assertEquals(1, db.count("SELECT count(*) FROM payment_events WHERE payment_id = $1", written.id));
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
            Payment opened = VertxContextSupport.subscribeAndAwait(() -> payments.recordAnswer(written,
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

    @Test
    void aChangeUnderTheRowLockWritesEveryChangeableColumnAsItsEntityReadsIt() throws Throwable {
        Payment written = insertedOutOfReconciliation();
        PaymentOperation operation = newOperation(written.id);

        Payment changed = VertxContextSupport.subscribeAndAwait(() -> payments.change(written.id, locked -> {
            setEveryChangeableField(locked.payment(), PAYMENT_FIXED_AT_INSERT);
            locked.add(operation);
            return Uni.createFrom().item(locked.payment());
        }));
        assertEquals(fields(changed), fields(entity(written.id)), "every field of the payment, as Hibernate reads it");
        assertEquals(fields(operation), fields(operationEntity(operation.id)), "the capture as inserted");

        PaymentOperation moved = VertxContextSupport.subscribeAndAwait(() -> payments.change(written.id, locked -> {
            PaymentOperation op = locked.operation(operation.id);
            setEveryChangeableField(op, OPERATION_FIXED_AT_INSERT);
            return Uni.createFrom().item(op);
        }));
        assertEquals(fields(moved), fields(operationEntity(operation.id)), "every field of the capture, as changed");

        int version = entity(written.id).version;
        VertxContextSupport.subscribeAndAwait(() -> payments.change(written.id, locked -> Uni.createFrom().voidItem()));
        assertEquals(version, entity(written.id).version, "a payment left as it was read is not written");
    }

    @Test
    void aCaptureWrittenAheadAndAnsweredOnAnUntouchedPaymentIsOneStatementEachWritingEveryColumn() throws Throwable {
        Payment inserted = insertedOutOfReconciliation();
        Payments.Details read = VertxContextSupport.subscribeAndAwait(() -> rows.details(inserted.id));
        PaymentOperation operation = newOperation(inserted.id);

        LockedPayment writtenAhead = VertxContextSupport.subscribeAndAwait(() -> payments.changeUnlessMoved(read, locked -> {
            setEveryChangeableField(locked.payment(), PAYMENT_FIXED_AT_INSERT);
            locked.add(operation);
            return Uni.createFrom().item(locked);
        }));
        assertSame(read.payment(), writtenAhead.payment(), "the one statement, not the locked path (which reads anew)");
        assertEquals(fields(read.payment()), fields(entity(inserted.id)), "every field of the payment, as Hibernate reads it");
        assertEquals(fields(operation), fields(operationEntity(operation.id)), "the capture as inserted");

        Instant first = Instant.parse("2026-12-08T01:00:00.000001Z");
        PaymentOperation answered = VertxContextSupport.subscribeAndAwait(() -> payments.changeUnlessMoved(
                writtenAhead.details(), locked -> {
                    PaymentOperation op = locked.operation(operation.id);
                    setEveryChangeableField(op, OPERATION_FIXED_AT_INSERT);
                    locked.unit().record(inserted.id, EventType.CAPTURE_SUCCEEDED, Transition.Cause.API, first);
                    locked.unit().record(inserted.id, EventType.PAYMENT_SUCCEEDED, Transition.Cause.API, first);
                    return Uni.createFrom().item(op);
                }));
        assertSame(operation, answered, "the one statement again");
        assertEquals(fields(answered), fields(operationEntity(operation.id)), "every field of the capture, as changed");
        assertEquals(fields(read.payment()), fields(entity(inserted.id)), "the payment, its version moved with the capture");
        assertEquals(2, read.payment().version, "one write each: version 0 to 1 to 2");
        assertEquals(List.of("capture.succeeded", "payment.succeeded"), db.column(
                "SELECT type FROM payment_events WHERE payment_id = $1 ORDER BY seq", inserted.id), "in the order they happened");

        Payments.Details again = VertxContextSupport.subscribeAndAwait(() -> rows.details(inserted.id));
        VertxContextSupport.subscribeAndAwait(() -> payments.changeUnlessMoved(again, locked -> Uni.createFrom().voidItem()));
        assertEquals(2, entity(inserted.id).version, "work that changes nothing writes nothing");
    }

    @Test
    void aChangeReadBeforeThePaymentMovedRunsAgainUnderTheLockOnThePaymentAsItStands() throws Throwable {
        Payment inserted = insertedOutOfReconciliation();
        Payments.Details read = VertxContextSupport.subscribeAndAwait(() -> rows.details(inserted.id));
        // Something else (another refund, reconciliation) moved the payment after this request read it.
        db.count("WITH moved AS (UPDATE payments SET refunded_amount = 1500, version = version + 1 WHERE id = $1 "
                + "RETURNING 1) SELECT count(*) FROM moved", inserted.id);

        List<Long> refundableSeen = new ArrayList<>();
        LockedPayment stored = VertxContextSupport.subscribeAndAwait(() -> payments.changeUnlessMoved(read, locked -> {
            PaymentOperation op = newOperation(inserted.id);
            op.amount = locked.payment().amount - locked.payment().refundedAmount; // a rule on what it reads
            refundableSeen.add(op.amount);
            locked.add(op);
            return Uni.createFrom().item(locked);
        }));

        assertEquals(List.of(5000L, 3500L), refundableSeen, "run on the payment read, then again on it as it stands");
        assertEquals(List.of("3500"), db.column("SELECT amount FROM payment_operations WHERE payment_id = $1",
                inserted.id), "only the run under the lock was stored");
        assertEquals(2, entity(inserted.id).version, "the other change, then the locked path");
        assertEquals(2, stored.payment().version);
    }

    @Test
    void aCaptureOrRefundChangedAloneMovesItsPaymentsVersion() throws Throwable {
        Payment inserted = insertedOutOfReconciliation();
        PaymentOperation operation = newOperation(inserted.id);
        VertxContextSupport.subscribeAndAwait(() -> payments.change(inserted.id, locked -> {
            locked.add(operation);
            return Uni.createFrom().voidItem();
        }));
        assertEquals(1, entity(inserted.id).version, "a capture added alone");

        VertxContextSupport.subscribeAndAwait(() -> payments.change(inserted.id, locked -> {
            locked.operation(operation.id).message = "settled by DOKU";
            return Uni.createFrom().voidItem();
        }));
        assertEquals(2, entity(inserted.id).version, "a capture changed alone: a read before it is stale, and must see so");
    }

    /** Payment fields no change may move (updatable = false), and the version, which the write bumps. */
    private static final Set<String> PAYMENT_FIXED_AT_INSERT = Set.of("id", "clientName", "invoiceNumber", "amount",
            "currency", "flow", "paymentType", "dokuRequestId", "customerId", "metadata", "createdAt", "version");

    private static final Set<String> OPERATION_FIXED_AT_INSERT = Set.of("id", "paymentId", "kind", "amount",
            "dokuRequestId", "idempotencyKey", "createdAt");

    /**
     * Sets every persistent field not in {@code fixed} to a value it did not hold, by type: a field added to the
     * entity is changed here too, and the test fails unless the plain statements write it.
     */
    private static void setEveryChangeableField(Object entity, Set<String> fixed) {
        int n = 1;
        for (Field field : persistentFields(entity)) {
            if (fixed.contains(field.getName())) {
                continue;
            }
            n++;
            try {
                Object old = field.get(entity);
                Class<?> type = field.getType();
                Object value;
                if (type == String.class) {
                    value = field.getName() + "-changed";
                } else if (type == long.class) {
                    value = 1000L * n;
                } else if (type == int.class) {
                    value = n;
                } else if (type == Instant.class) {
                    value = Instant.parse("2026-12-24T10:00:00.654321Z").plusSeconds(n);
                } else if (type == byte[].class) {
                    value = new byte[] {(byte) n, 0, -1};
                } else if (type.isEnum()) {
                    value = Arrays.stream(type.getEnumConstants()).filter(c -> c != old).reduce((a, b) -> b).orElseThrow();
                } else {
                    throw new AssertionError("a changeable field of a type this test does not know: " + field);
                }
                field.set(entity, value);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A payment page inserted with its reconciliation due far ahead of any test clock: no reconciliation run moves it. */
    private Payment insertedOutOfReconciliation() throws Throwable {
        Payment inserted = newPagePayment();
        inserted.nextReconcileAt = Instant.parse("2100-01-01T00:00:00Z");
        VertxContextSupport.subscribeAndAwait(() -> rows.insert(inserted));
        return inserted;
    }

    private static PaymentOperation newOperation(String paymentId) {
        PaymentOperation op = new PaymentOperation();
        op.id = Ids.newId("cap");
        op.paymentId = paymentId;
        op.kind = PaymentOperation.Kind.CAPTURE;
        op.amount = 4000;
        op.dokuRequestId = Ids.newRequestId();
        op.idempotencyKey = "key-" + op.id;
        op.reason = "first box";
        op.createdAt = Instant.parse("2026-12-02T08:00:00.000001Z");
        op.updatedAt = op.createdAt;
        return op;
    }

    private static Payment entity(String id) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Payment.<Payment>findById(id)));
    }

    private static PaymentOperation operationEntity(String id) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(
                () -> PaymentOperation.<PaymentOperation>findById(id)));
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

    /** Every persistent field by name, arrays by content. */
    private static Map<String, Object> fields(Object entity) {
        Map<String, Object> values = new TreeMap<>();
        for (Field field : persistentFields(entity)) {
            try {
                Object value = field.get(entity);
                values.put(field.getName(), value instanceof byte[] bytes ? Arrays.toString(bytes) : value);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return values;
    }

    /**
     * The entity's own instance fields, made accessible: Quarkus's Panache enhancement turns public fields
     * into private ones behind accessors, so {@code getFields()} sees only the id. Hibernate's own
     * enhancement fields ({@code $$_hibernate_…}) are left out.
     */
    private static List<Field> persistentFields(Object entity) {
        List<Field> fields = Arrays.stream(entity.getClass().getDeclaredFields())
                .filter(f -> !Modifier.isStatic(f.getModifiers()) && !f.getName().contains("$"))
                .peek(f -> f.setAccessible(true)).toList();
        assertTrue(fields.size() > 10, "the entity's fields are seen: " + fields);
        return fields;
    }
}
