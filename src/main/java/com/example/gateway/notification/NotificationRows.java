package com.example.gateway.notification;

import static com.example.gateway.support.SqlTime.utc;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The statements on {@code doku_notifications} made in the transaction that applies a notification (plain
 * SQL on the transaction's connection, as the payment's change is: {@code Payments#rowTransaction}).
 */
@ApplicationScoped
class NotificationRows {

    private static final String APPLIED_BEFORE = "SELECT EXISTS (SELECT 1 FROM doku_notifications "
            + "WHERE doku_request_id = $1 AND result = '" + NotificationResult.APPLIED.name() + "')";

    private static final String INSERT = "INSERT INTO doku_notifications (doku_request_id, received_at, request_target, "
            + "client_id, request_timestamp, signature, body, invoice_number, payment_id, result) "
            + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";

    /** Whether a notification with this DOKU Request-Id was applied already (the partial unique index serves it). */
    Uni<Boolean> appliedBefore(SqlConnection tx, String dokuRequestId) {
        return tx.preparedQuery(APPLIED_BEFORE).execute(Tuple.of(dokuRequestId))
                .map(rows -> rows.iterator().next().getBoolean(0));
    }

    Uni<Void> insert(SqlConnection tx, ReceivedNotification n) {
        Tuple values = Tuple.of(n.dokuRequestId, utc(n.receivedAt), n.requestTarget, n.clientId, n.requestTimestamp,
                n.signature).addValue(Buffer.buffer(n.body)).addValue(n.invoiceNumber).addValue(n.paymentId)
                .addValue(n.result.name());
        return tx.preparedQuery(INSERT).execute(values).replaceWithVoid();
    }
}
