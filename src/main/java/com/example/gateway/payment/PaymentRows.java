package com.example.gateway.payment;

import static com.example.gateway.support.SqlTime.instant;
import static com.example.gateway.support.SqlTime.utc;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Payment storage in plain SQL, where it measured faster than Hibernate Reactive: the single statements that
 * need no transaction (the write-ahead insert of a new payment, a change written at the version it read with its
 * events, the read of a payment with its captures and refunds, the listing), and the
 * changes under the row lock ({@link RowTransaction}: lock, then write what changed and the events). These
 * statements map the same columns as {@link Payment} and {@link PaymentOperation}, and {@code PaymentRowsTest}
 * checks, field by field, that both read and write a row alike.
 */
@ApplicationScoped
class PaymentRows {

    private static final String INSERT = "INSERT INTO payments (id, client_name, invoice_number, amount, currency, "
            + "flow, payment_type, status, doku_request_id, customer_id, page_request, created_at, updated_at, "
            + "reconcile_attempts, next_reconcile_at, version, metadata) "
            + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)";

    private static final String PAYMENT_COLUMNS = "p.id, p.client_name, p.invoice_number, p.amount, p.currency, "
            + "p.flow, p.payment_type, p.status, p.doku_request_id, p.customer_id, p.payment_page_url, p.authentication_url, p.page_request, "
            + "p.authorized_amount, p.captured_amount, p.refunded_amount, p.authorize_id, p.authorized_at, "
            + "p.capture_deadline, p.card_masked, p.card_brand, p.card_issuer, p.card_type, p.card_token, "
            + "p.approval_code, p.failure_code, p.failure_message, p.created_at, p.updated_at, p.reconcile_attempts, "
            + "p.next_reconcile_at, p.expiry_warned_at, p.version, p.metadata";

    private static final String OPERATION_COLUMNS = "o.id AS op_id, o.kind AS op_kind, o.amount AS op_amount, "
            + "o.status AS op_status, o.doku_request_id AS op_doku_request_id, o.refund_type AS op_refund_type, "
            + "o.reason AS op_reason, o.idempotency_key AS op_idempotency_key, o.approval_code AS op_approval_code, "
            + "o.message AS op_message, o.failure_code AS op_failure_code, o.created_at AS op_created_at, "
            + "o.updated_at AS op_updated_at";

    /** The payment and its operations oldest first: one row per operation, or one row with null op_* columns. */
    private static final String DETAILS = "SELECT " + PAYMENT_COLUMNS + ", " + OPERATION_COLUMNS
            + " FROM payments p LEFT JOIN payment_operations o ON o.payment_id = p.id"
            + " WHERE p.id = $1 ORDER BY o.created_at, o.id";

    /**
     * The payment row-locked, alone: its captures and refunds are read by a statement of their own
     * ({@link #OPERATIONS_OF}), sent right behind it. Not a join: in READ COMMITTED a joined read that waited
     * for the lock re-reads the payment as committed but keeps the captures and refunds of its snapshot from
     * before the wait, and would miss one the lock's previous holder just added.
     */
    private static final String LOCK_BY_ID = "SELECT " + PAYMENT_COLUMNS + " FROM payments p WHERE p.id = $1 FOR UPDATE";

    private static final String LOCK_BY_INVOICE = "SELECT " + PAYMENT_COLUMNS
            + " FROM payments p WHERE p.invoice_number = $1 FOR UPDATE";

    private static final String OPERATIONS_OF = "SELECT " + OPERATION_COLUMNS
            + " FROM payment_operations o WHERE o.payment_id = $1 ORDER BY o.created_at, o.id";

    private static final String OPERATIONS_OF_INVOICE = "SELECT " + OPERATION_COLUMNS
            + " FROM payment_operations o WHERE o.payment_id = (SELECT id FROM payments WHERE invoice_number = $1)"
            + " ORDER BY o.created_at, o.id";

    private static final String OPERATIONS_OF_MANY = "SELECT o.payment_id, " + OPERATION_COLUMNS
            + " FROM payment_operations o WHERE o.payment_id = ANY($1) ORDER BY o.created_at, o.id";

    /** Every column a change may move ({@link #changeable(Payment)}, in order), and the version, bumped. */
    private static final String SET_PAYMENT = "UPDATE payments SET status = $2, payment_page_url = $3, "
            + "authentication_url = $4, page_request = $5, authorized_amount = $6, captured_amount = $7, "
            + "refunded_amount = $8, authorize_id = $9, authorized_at = $10, capture_deadline = $11, card_masked = $12, "
            + "card_brand = $13, card_issuer = $14, card_type = $15, card_token = $16, approval_code = $17, "
            + "failure_code = $18, failure_message = $19, updated_at = $20, reconcile_attempts = $21, "
            + "next_reconcile_at = $22, expiry_warned_at = $23, version = version + 1";

    /** {@link #SET_PAYMENT} under the row lock, checking the version the lock read. */
    private static final String UPDATE_PAYMENT = SET_PAYMENT + " WHERE id = $1 AND version = $24";

    /**
     * The payment's row if it is still at the version read ($24), row-locked for the statement; a row another
     * transaction holds (a notification being applied) is skipped, not waited for: waiting would end in a
     * version that moved, after taking a transaction id and a commit for nothing (one write transaction more
     * per charge at one connection, measured), and the caller's locked path waits for it anyway.
     */
    private static final String UNMOVED = "(SELECT id FROM payments WHERE id = $1 AND version = $24 "
            + "FOR NO KEY UPDATE SKIP LOCKED)";

    /** A capture's or refund's columns as inserted ({@link #operationColumns}, in order), with their SQL types. */
    private static final Columns OPERATION_INSERTED = Columns.of("id, payment_id, kind, amount, doku_request_id, "
            + "idempotency_key, created_at, status, refund_type, reason, approval_code, message, failure_code, updated_at",
            "text, text, text, int8, text, text, timestamptz, text, text, text, text, text, text, timestamptz");

    /** A capture's or refund's id, then every column a change may move ({@link #changeable(PaymentOperation)}). */
    private static final Columns OPERATION_CHANGED = Columns.of("id, status, refund_type, reason, approval_code, "
            + "message, failure_code, updated_at", "text, text, text, text, text, text, text, timestamptz");

    /** An event's columns ({@link #eventColumns}, in order). */
    private static final Columns EVENT = Columns.of("id, payment_id, client_name, type, cause, created_at, body",
            "text, text, text, text, text, timestamptz, text");

    private static final String INSERT_OPERATION = "INSERT INTO payment_operations (" + OPERATION_INSERTED.listed()
            + ") VALUES " + OPERATION_INSERTED.placeholders();

    /** Every column a change may move ({@link #changeable(PaymentOperation)}, in order). */
    private static final String UPDATE_OPERATION = "UPDATE payment_operations SET "
            + OPERATION_CHANGED.assignedFromParameters() + " WHERE id = $1";

    private static final String INSERT_EVENT = "INSERT INTO payment_events (" + EVENT.listed() + ") VALUES "
            + EVENT.placeholders();

    private final Pool db;

    PaymentRows(Pool db) {
        this.db = db;
    }

    /** Inserts a new payment as its entity holds it (no amounts moved, no card, no page URL yet). */
    Uni<Void> insert(Payment p) {
        Tuple values = Tuple.of(p.id, p.clientName, p.invoiceNumber, p.amount, p.currency, p.flow.name())
                .addValue(p.paymentType.name())
                .addValue(p.status.name())
                .addValue(p.dokuRequestId)
                .addValue(p.customerId)
                // The core Buffer: the Mutiny one is not a type the client binds.
                .addValue(p.pageRequest == null ? null : io.vertx.core.buffer.Buffer.buffer(p.pageRequest))
                .addValue(utc(p.createdAt))
                .addValue(utc(p.updatedAt))
                .addValue(p.reconcileAttempts)
                .addValue(utc(p.nextReconcileAt))
                .addValue(p.version)
                .addValue(MetadataColumn.toJson(p.metadata));
        return db.preparedQuery(INSERT).execute(values).replaceWithVoid();
    }

    /**
     * What a change made to {@code read}, a payment and its captures and refunds as one statement read them (and
     * not locked), in one statement and no transaction of its own, if the payment's row is still at
     * {@code versionRead} ({@link #UNMOVED}): every changeable column of the payment, its captures and refunds
     * added or moved, and {@code events}. Answers whether it was (then the payment carries the new version).
     * Each part is in the statement only when there is something for it, so a payment page's answer (no capture
     * or refund) is a statement of two parts.
     */
    Uni<Boolean> writeUnlessMoved(LockedPayment read, int versionRead, List<PaymentEvent> events) {
        Payment p = read.payment();
        Tuple values = withId(p.id, changeable(p)).addValue(versionRead);
        StringBuilder sql = new StringBuilder("WITH moved AS (").append(SET_PAYMENT).append(" WHERE id = ")
                .append(UNMOVED).append(" RETURNING id)");
        List<List<Object>> added = read.added().stream().map(PaymentRows::operationColumns).toList();
        if (!added.isEmpty()) {
            sql.append(", added AS (INSERT INTO payment_operations (").append(OPERATION_INSERTED.listed())
                    .append(") SELECT * FROM ").append(OPERATION_INSERTED.unnest(values, added))
                    .append(" WHERE EXISTS (SELECT 1 FROM moved))");
        }
        List<List<Object>> changed = read.changedOperations().stream()
                .map(op -> Stream.concat(Stream.of(op.id), changeable(op).stream()).toList()).toList();
        if (!changed.isEmpty()) {
            sql.append(", changed AS (UPDATE payment_operations o SET ").append(OPERATION_CHANGED.assignedFromRows())
                    .append(" FROM ").append(OPERATION_CHANGED.unnest(values, changed))
                    .append(" WHERE o.id = c.id AND o.payment_id IN (SELECT id FROM moved))");
        }
        if (!events.isEmpty()) {
            // WITH ORDINALITY and ORDER BY: the events take their sequence numbers in the order they happened.
            sql.append(", events AS (INSERT INTO payment_events (").append(EVENT.listed()).append(") SELECT ")
                    .append(EVENT.listed()).append(" FROM ").append(EVENT.unnestNumbered(values,
                            events.stream().map(PaymentRows::eventColumns).toList()))
                    .append(" WHERE EXISTS (SELECT 1 FROM moved) ORDER BY n)");
        }
        sql.append(" SELECT count(*) FROM moved");
        return db.preparedQuery(sql.toString()).execute(values).map(result -> {
            boolean stored = result.iterator().next().getLong(0) == 1;
            if (stored) {
                p.version = versionRead + 1;
            }
            return stored;
        });
    }

    /**
     * A page of {@code client}'s payments, newest first, keyset after ({@code afterCreatedAt},
     * {@code afterId}) when given; fetches {@code limit} rows. Plain SQL for the metadata search: the
     * containment operator {@code @>} (which the GIN index of V11 serves) has no HQL form.
     */
    Uni<List<Payment>> list(String client, Payments.PaymentFilter filter, Instant afterCreatedAt, String afterId,
            int limit) {
        Query query = new Query("SELECT " + PAYMENT_COLUMNS + " FROM payments p WHERE p.client_name = $1", client);
        query.and("p.invoice_number = ", filter.invoiceNumber());
        query.and("p.customer_id = ", filter.customerId());
        query.and("p.status = ", filter.status() == null ? null : filter.status().name());
        query.and("p.metadata @> ", filter.metadata().isEmpty() ? null : MetadataColumn.toJson(filter.metadata()));
        query.after("p.created_at", "<", afterCreatedAt == null ? null : utc(afterCreatedAt), afterId);
        return payments(query.orderedBy("p.created_at DESC, p.id DESC", limit));
    }

    /**
     * {@code client}'s AUTHORIZED payments awaiting capture, soonest deadline first, those due before
     * {@code expiringBefore} only when given, keyset after ({@code afterDeadline}, {@code afterId}) when given;
     * fetches {@code limit} rows. The status is a literal, so the partial index of V2 serves it.
     */
    Uni<List<Payment>> awaitingCapture(String client, Instant expiringBefore, Instant afterDeadline, String afterId,
            int limit) {
        Query query = new Query("SELECT " + PAYMENT_COLUMNS + " FROM payments p WHERE p.client_name = $1 AND p.status = '"
                + PaymentStatus.AUTHORIZED.name() + "'", client);
        query.and("p.capture_deadline < ", expiringBefore == null ? null : utc(expiringBefore));
        query.after("p.capture_deadline", ">", afterDeadline == null ? null : utc(afterDeadline), afterId);
        return payments(query.orderedBy("p.capture_deadline, p.id", limit));
    }

    private Uni<List<Payment>> payments(Query query) {
        return db.preparedQuery(query.sql.toString()).execute(query.values).map(rows -> {
            List<Payment> page = new ArrayList<>(rows.size());
            rows.forEach(row -> page.add(payment(row)));
            return page;
        });
    }

    /** A listing's statement, built one condition at a time with numbered parameters. */
    private static final class Query {

        final StringBuilder sql;
        final Tuple values;

        Query(String select, Object first) {
            sql = new StringBuilder(select);
            values = Tuple.of(first);
        }

        /** Adds {@code AND <condition> $n} with {@code value}, unless the value is null (no such filter). */
        void and(String condition, Object value) {
            if (value != null) {
                sql.append(" AND ").append(condition).append(parameter(value));
            }
        }

        /** Keyset pagination: rows past ({@code key}, id) in the direction {@code past} ("<" or ">"), when given. */
        void after(String column, String past, Object key, String id) {
            if (key != null) {
                String k = parameter(key);
                sql.append(" AND (").append(column).append(' ').append(past).append(' ').append(k).append(" OR (")
                        .append(column).append(" = ").append(k).append(" AND p.id ").append(past).append(' ')
                        .append(parameter(id)).append("))");
            }
        }

        Query orderedBy(String order, int limit) {
            sql.append(" ORDER BY ").append(order).append(" LIMIT ").append(parameter(limit));
            return this;
        }

        private String parameter(Object value) {
            values.addValue(value);
            return "$" + values.size();
        }
    }

    /** The captures and refunds of {@code paymentIds}, oldest first, in one statement. */
    Uni<List<PaymentOperation>> operationsOf(List<String> paymentIds) {
        return db.preparedQuery(OPERATIONS_OF_MANY).execute(Tuple.of(paymentIds.toArray(String[]::new))).map(rows -> {
            List<PaymentOperation> operations = new ArrayList<>(rows.size());
            rows.forEach(row -> operations.add(operation(row, row.getString("payment_id"))));
            return operations;
        });
    }

    /** The payment with its captures and refunds, oldest first; null if there is no such payment. */
    Uni<Payments.Details> details(String id) {
        return db.preparedQuery(DETAILS).execute(Tuple.of(id)).map(rows -> {
            Payment payment = null;
            List<PaymentOperation> operations = new ArrayList<>();
            for (Row row : rows) {
                if (payment == null) {
                    payment = payment(row);
                }
                if (row.getString("op_id") != null) {
                    operations.add(operation(row, payment.id));
                }
            }
            return payment == null ? null : new Payments.Details(payment, List.copyOf(operations));
        });
    }

    /**
     * In {@code tx}: the payment {@code id}, row-locked until the transaction ends, with all its captures and
     * refunds; null if there is none. Both statements go out at once (pipelined): PostgreSQL runs the second
     * once the lock is granted, on a snapshot taken then.
     */
    Uni<LockedPayment> lock(RowTransaction tx, String id) {
        return lock(tx, LOCK_BY_ID, OPERATIONS_OF, id);
    }

    /** In {@code tx}: the payment of {@code invoiceNumber}, as {@link #lock(RowTransaction, String)} does it. */
    Uni<LockedPayment> lockByInvoice(RowTransaction tx, String invoiceNumber) {
        return lock(tx, LOCK_BY_INVOICE, OPERATIONS_OF_INVOICE, invoiceNumber);
    }

    private static Uni<LockedPayment> lock(RowTransaction tx, String lockPayment, String readOperations, String key) {
        SqlConnection connection = tx.connection();
        return Uni.combine().all().unis(connection.preparedQuery(lockPayment).execute(Tuple.of(key)),
                        connection.preparedQuery(readOperations).execute(Tuple.of(key)))
                .with((payments, operations) -> payments.size() == 0 ? null : locked(tx, payments, operations));
    }

    private static LockedPayment locked(RowTransaction tx, RowSet<Row> payments, RowSet<Row> operationRows) {
        Payment payment = payment(payments.iterator().next());
        List<PaymentOperation> operations = new ArrayList<>(operationRows.size());
        operationRows.forEach(row -> operations.add(operation(row, payment.id)));
        return tx.track(new LockedPayment(tx.unit(), payment, operations));
    }

    /**
     * In {@code tx}, just before it commits: what changed in each locked payment (the payment row, captures
     * and refunds added or moved), then {@code events}, then the transaction's statements on other tables
     * ({@link RowTransaction#writeBeforeCommit}). Pipelined: the statements go out together.
     */
    Uni<Void> write(RowTransaction tx, List<PaymentEvent> events) {
        SqlConnection connection = tx.connection();
        List<Uni<Void>> writes = new ArrayList<>();
        for (LockedPayment locked : tx.locked()) {
            // A change of captures and refunds alone moves the payment's version too: the version stands for all
            // of them (Payments.changeUnlessMoved relies on it).
            if (locked.changed()) {
                writes.add(updatePayment(connection, locked.payment()));
            }
            locked.added().forEach(op -> writes.add(connection.preparedQuery(INSERT_OPERATION)
                    .execute(Tuple.from(operationColumns(op))).replaceWithVoid()));
            locked.changedOperations().forEach(op -> writes.add(connection.preparedQuery(UPDATE_OPERATION)
                    .execute(withId(op.id, changeable(op))).replaceWithVoid()));
        }
        if (!events.isEmpty()) {
            writes.add(connection.preparedQuery(INSERT_EVENT)
                    .executeBatch(events.stream().map(e -> Tuple.from(eventColumns(e))).toList()).replaceWithVoid());
        }
        tx.alsoWritten().forEach(statement -> writes.add(statement.get()));
        return writes.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(writes).andFailFast().replaceWithVoid();
    }

    private static Uni<Void> updatePayment(SqlConnection connection, Payment p) {
        Tuple values = withId(p.id, changeable(p)).addValue(p.version);
        return connection.preparedQuery(UPDATE_PAYMENT).execute(values).invoke(result -> {
            if (result.rowCount() != 1) {
                throw new IllegalStateException("payment " + p.id + " changed outside its row lock");
            }
            p.version++;
        }).replaceWithVoid();
    }

    /** The payment's columns a change may move, in {@link #UPDATE_PAYMENT}'s order: compared to see whether it changed. */
    static List<Object> changeable(Payment p) {
        return Arrays.asList(p.status.name(), p.paymentPageUrl, p.authenticationUrl,
                p.pageRequest == null ? null : io.vertx.core.buffer.Buffer.buffer(p.pageRequest), p.authorizedAmount,
                p.capturedAmount, p.refundedAmount, p.authorizeId, utc(p.authorizedAt), utc(p.captureDeadline),
                p.cardMasked, p.cardBrand, p.cardIssuer, p.cardType, p.cardToken, p.approvalCode, p.failureCode,
                p.failureMessage, utc(p.updatedAt), p.reconcileAttempts, utc(p.nextReconcileAt), utc(p.expiryWarnedAt));
    }

    /** The operation's columns a change may move, in {@link #UPDATE_OPERATION}'s order. */
    static List<Object> changeable(PaymentOperation op) {
        return Arrays.asList(op.status.name(), op.refundType, op.reason, op.approvalCode, op.message, op.failureCode,
                utc(op.updatedAt));
    }

    /** The operation's columns as inserted, in {@link #OPERATION_INSERTED}'s order. */
    private static List<Object> operationColumns(PaymentOperation op) {
        return Stream.concat(Stream.of(op.id, op.paymentId, op.kind.name(), op.amount, op.dokuRequestId,
                op.idempotencyKey, utc(op.createdAt)), changeable(op).stream()).toList();
    }

    private static Tuple withId(String id, List<Object> values) {
        Tuple tuple = Tuple.of(id);
        values.forEach(tuple::addValue);
        return tuple;
    }

    /** The event's columns, in {@link #EVENT}'s order. */
    private static List<Object> eventColumns(PaymentEvent e) {
        return Arrays.asList(e.id, e.paymentId, e.clientName, e.type, e.cause, utc(e.createdAt), e.body);
    }

    private static Payment payment(Row row) {
        Payment p = new Payment();
        p.id = row.getString("id");
        p.clientName = row.getString("client_name");
        p.invoiceNumber = row.getString("invoice_number");
        p.amount = row.getLong("amount");
        p.currency = row.getString("currency");
        p.flow = PaymentFlow.valueOf(row.getString("flow"));
        p.paymentType = PaymentType.valueOf(row.getString("payment_type"));
        p.status = PaymentStatus.valueOf(row.getString("status"));
        p.dokuRequestId = row.getString("doku_request_id");
        p.customerId = row.getString("customer_id");
        p.paymentPageUrl = row.getString("payment_page_url");
        p.authenticationUrl = row.getString("authentication_url");
        Buffer pageRequest = row.getBuffer("page_request");
        p.pageRequest = pageRequest == null ? null : pageRequest.getBytes();
        p.authorizedAmount = row.getLong("authorized_amount");
        p.capturedAmount = row.getLong("captured_amount");
        p.refundedAmount = row.getLong("refunded_amount");
        p.authorizeId = row.getString("authorize_id");
        p.authorizedAt = instant(row, "authorized_at");
        p.captureDeadline = instant(row, "capture_deadline");
        p.cardMasked = row.getString("card_masked");
        p.cardBrand = row.getString("card_brand");
        p.cardIssuer = row.getString("card_issuer");
        p.cardType = row.getString("card_type");
        p.cardToken = row.getString("card_token");
        p.approvalCode = row.getString("approval_code");
        p.failureCode = row.getString("failure_code");
        p.failureMessage = row.getString("failure_message");
        p.createdAt = instant(row, "created_at");
        p.updatedAt = instant(row, "updated_at");
        p.reconcileAttempts = row.getInteger("reconcile_attempts");
        p.nextReconcileAt = instant(row, "next_reconcile_at");
        p.expiryWarnedAt = instant(row, "expiry_warned_at");
        p.version = row.getInteger("version");
        p.metadata = MetadataColumn.toMap(row.getJsonObject("metadata"));
        return p;
    }

    private static PaymentOperation operation(Row row, String paymentId) {
        PaymentOperation op = new PaymentOperation();
        op.id = row.getString("op_id");
        op.paymentId = paymentId;
        op.kind = PaymentOperation.Kind.valueOf(row.getString("op_kind"));
        op.amount = row.getLong("op_amount");
        op.status = PaymentOperation.Status.valueOf(row.getString("op_status"));
        op.dokuRequestId = row.getString("op_doku_request_id");
        op.refundType = row.getString("op_refund_type");
        op.reason = row.getString("op_reason");
        op.idempotencyKey = row.getString("op_idempotency_key");
        op.approvalCode = row.getString("op_approval_code");
        op.message = row.getString("op_message");
        op.failureCode = row.getString("op_failure_code");
        op.createdAt = instant(row, "op_created_at");
        op.updatedAt = instant(row, "op_updated_at");
        return op;
    }

}
