package com.example.gateway.webhook;

import com.example.gateway.support.SqlTime;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.StreamSupport;

/** The deliveries to a client's endpoints, for operators: listed newest first, and sent again on request. */
@ApplicationScoped
public class WebhookDeliveries {

    public enum Status {
        PENDING, DELIVERED, FAILED;

        /** As the API and the database write it: {@code pending}. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Status> named(String wireName) {
            return Arrays.stream(values()).filter(s -> s.wireName().equals(wireName)).findFirst();
        }
    }

    private static final String SELECT = "SELECT d.id, d.event_id, e.type, d.payment_id, d.endpoint_id, d.status, "
            + "d.attempts, d.next_attempt_at, d.last_attempt_at, d.last_response_status, d.last_error, d.delivered_at, "
            + "d.created_at, w.status AS endpoint_status FROM webhook_deliveries d "
            + "JOIN payment_events e ON e.id = d.event_id JOIN webhook_endpoints w ON w.id = d.endpoint_id "
            + "WHERE w.client_name = $1";

    private final Pool db;
    private final Clock clock;

    WebhookDeliveries(Pool db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Newest first, keyset-paginated after (createdAt, id), exclusive; fetches {@code limit} rows.
     *
     * @param status null for every status
     */
    public Uni<List<WebhookDelivery>> list(String client, Status status, Instant afterCreatedAt, String afterId, int limit) {
        return db.preparedQuery(SELECT + " AND ($2::text IS NULL OR d.status = $2) "
                        + "AND ($3::timestamptz IS NULL OR (d.created_at, d.id) < ($3, $4)) "
                        + "ORDER BY d.created_at DESC, d.id DESC LIMIT $5")
                .execute(Tuple.of(client, status == null ? null : status.wireName(),
                        afterCreatedAt == null ? null : SqlTime.utc(afterCreatedAt), afterId, limit))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(WebhookDeliveries::delivery).toList());
    }

    /**
     * Sends the delivery again as soon as the dispatcher comes by, with a fresh retry schedule, whatever
     * its status (a delivered one too: a manual re-send). Its endpoint must still be enabled.
     */
    public Uni<WebhookDelivery> retry(String client, String id) {
        return db.preparedQuery(SELECT + " AND d.id = $2").execute(Tuple.of(client, id))
                .map(WebhookDeliveries::single)
                .chain(row -> {
                    if (!"enabled".equals(row.getString("endpoint_status"))) {
                        throw new WebhookEndpointDisabled();
                    }
                    return db.preparedQuery("UPDATE webhook_deliveries SET status = 'pending', attempts = 0, "
                                    + "next_attempt_at = $2, delivered_at = NULL WHERE id = $1")
                            .execute(Tuple.of(id, SqlTime.utc(clock.instant())));
                })
                .chain(() -> db.preparedQuery(SELECT + " AND d.id = $2").execute(Tuple.of(client, id)))
                .map(rows -> delivery(single(rows)));
    }

    private static Row single(RowSet<Row> rows) {
        if (rows.rowCount() == 0) {
            throw new WebhookDeliveryNotFound();
        }
        return rows.iterator().next();
    }

    private static WebhookDelivery delivery(Row row) {
        return new WebhookDelivery(row.getString("id"), row.getString("event_id"), row.getString("type"),
                row.getString("payment_id"), row.getString("endpoint_id"), row.getString("status"),
                row.getInteger("attempts"), SqlTime.instant(row, "next_attempt_at"),
                SqlTime.instant(row, "last_attempt_at"), row.getInteger("last_response_status"),
                row.getString("last_error"), SqlTime.instant(row, "delivered_at"),
                SqlTime.instant(row, "created_at"));
    }
}
