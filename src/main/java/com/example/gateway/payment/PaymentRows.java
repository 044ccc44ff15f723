package com.example.gateway.payment;

import static com.example.gateway.support.SqlTime.instant;
import static com.example.gateway.support.SqlTime.utc;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The hot paths that need no Hibernate Reactive session, each one statement (so no BEGIN and COMMIT of
 * its own): the write-ahead insert of a new payment, the URL of its page with its {@code payment.pending}
 * event, the read of a payment with its captures and refunds, and the listing. Every other change of a
 * payment goes through its entity under the row lock ({@link Payments#update}); these statements map the
 * same columns as {@link Payment} and {@link PaymentOperation}, and {@code PaymentRowsTest} checks that
 * both read a row alike.
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
     * A page's URL and its event in one statement: the event row exists only if the update found the row
     * at the version the insert wrote.
     */
    private static final String PAGE_OPENED = "WITH opened AS (UPDATE payments SET payment_page_url = $2, "
            + "page_request = NULL, next_reconcile_at = $3, version = version + 1 WHERE id = $1 AND version = $4 "
            + "RETURNING id) INSERT INTO payment_events (id, payment_id, client_name, type, cause, created_at, body) "
            + "SELECT $5, id, $6, $7, $8, $9, $10 FROM opened";

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
     * Writes {@code p}'s page URL and reconciliation time with {@code event}, if the row is still at
     * {@code versionWritten}; answers whether it was (then {@code p} carries the new version).
     */
    Uni<Boolean> pageOpened(Payment p, int versionWritten, PaymentEvent event) {
        Tuple values = Tuple.of(p.id, p.paymentPageUrl, utc(p.nextReconcileAt), versionWritten, event.id, event.clientName)
                .addValue(event.type)
                .addValue(event.cause)
                .addValue(utc(event.createdAt))
                .addValue(event.body);
        return db.preparedQuery(PAGE_OPENED).execute(values).map(result -> {
            boolean stored = result.rowCount() == 1;
            if (stored) {
                p.version = versionWritten + 1;
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
        StringBuilder sql = new StringBuilder("SELECT " + PAYMENT_COLUMNS + " FROM payments p WHERE p.client_name = $1");
        Tuple values = Tuple.of(client);
        if (filter.invoiceNumber() != null) {
            sql.append(" AND p.invoice_number = $").append(values.size() + 1);
            values.addValue(filter.invoiceNumber());
        }
        if (filter.customerId() != null) {
            sql.append(" AND p.customer_id = $").append(values.size() + 1);
            values.addValue(filter.customerId());
        }
        if (filter.status() != null) {
            sql.append(" AND p.status = $").append(values.size() + 1);
            values.addValue(filter.status().name());
        }
        if (!filter.metadata().isEmpty()) {
            sql.append(" AND p.metadata @> $").append(values.size() + 1);
            values.addValue(MetadataColumn.toJson(filter.metadata()));
        }
        if (afterCreatedAt != null) {
            int created = values.size() + 1;
            sql.append(" AND (p.created_at < $").append(created).append(" OR (p.created_at = $").append(created)
                    .append(" AND p.id < $").append(created + 1).append("))");
            values.addValue(utc(afterCreatedAt)).addValue(afterId);
        }
        sql.append(" ORDER BY p.created_at DESC, p.id DESC LIMIT $").append(values.size() + 1);
        values.addValue(limit);
        return db.preparedQuery(sql.toString()).execute(values).map(rows -> {
            List<Payment> page = new ArrayList<>(rows.size());
            rows.forEach(row -> page.add(payment(row)));
            return page;
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
