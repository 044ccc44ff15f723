package com.example.gateway.notification;

import static com.example.gateway.support.SqlTime.utc;

import com.example.gateway.payment.Payments;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The statements on {@code doku_notifications} made when a notification is applied: plain SQL, alone, in the one
 * statement that stores the payment's change ({@link Payments#writeUnlessMoved}), or on the connection of the
 * transaction that changes it under its row lock ({@code Payments#rowTransaction}).
 */
@ApplicationScoped
class NotificationRows {

    private static final String APPLIED_BEFORE = "SELECT EXISTS (SELECT 1 FROM doku_notifications "
            + "WHERE doku_request_id = $1 AND result = '" + NotificationResult.APPLIED.name() + "')";

    private static final String COLUMNS = "doku_request_id, received_at, request_target, client_id, "
            + "request_timestamp, signature, body, invoice_number, payment_id, result";

    private static final String INSERT = "INSERT INTO doku_notifications (" + COLUMNS + ") "
            + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";

    /** Whether a notification with this DOKU Request-Id was applied already (the partial unique index serves it). */
    Uni<Boolean> appliedBefore(SqlClient db, String dokuRequestId) {
        return db.preparedQuery(APPLIED_BEFORE).execute(Tuple.of(dokuRequestId))
                .map(rows -> rows.iterator().next().getBoolean(0));
    }

    Uni<Void> insert(SqlClient db, ReceivedNotification n) {
        return db.preparedQuery(INSERT).execute(addValues(Tuple.tuple(), n)).replaceWithVoid();
    }

    /** The notification's row, to be stored with the change it made and only if it is ({@link Payments#writeUnlessMoved}). */
    Payments.AlsoWritten insertWith(ReceivedNotification n) {
        return values -> {
            int first = values.size() + 1;
            addValues(values, n);
            return "INSERT INTO doku_notifications (" + COLUMNS + ") SELECT " + IntStream.range(first, values.size() + 1)
                    .mapToObj(i -> "$" + i).collect(Collectors.joining(", "));
        };
    }

    private static Tuple addValues(Tuple values, ReceivedNotification n) {
        return values.addValue(n.dokuRequestId).addValue(utc(n.receivedAt)).addValue(n.requestTarget)
                .addValue(n.clientId).addValue(n.requestTimestamp).addValue(n.signature).addValue(Buffer.buffer(n.body))
                .addValue(n.invoiceNumber).addValue(n.paymentId).addValue(n.result.name());
    }
}
