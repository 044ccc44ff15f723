package com.example.gateway.webhook;

import com.example.gateway.support.SqlTime;
import com.example.gateway.support.Ids;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * Turns new events into deliveries: one per enabled endpoint of the event's client that wants its
 * type. A batch of events is claimed with {@code FOR UPDATE SKIP LOCKED} and marked fanned out in the
 * same transaction, so replicas share the work and no event is fanned out twice or lost.
 */
@ApplicationScoped
class FanOut {

    static final int BATCH = 100;

    private record NewEvent(String id, long seq, String paymentId, String client, String type) {
    }

    private record Endpoint(String id, String client, List<String> types) {

        boolean wants(NewEvent event) {
            return client.equals(event.client()) && (types == null || types.contains(event.type()));
        }
    }

    private final Pool db;
    private final RetrySchedule schedule;
    private final Clock clock;

    FanOut(Pool db, RetrySchedule schedule, Clock clock) {
        this.db = db;
        this.schedule = schedule;
        this.clock = clock;
    }

    /** Fans out one batch of events; answers how many events it took. */
    Uni<Integer> runOnce() {
        return db.withTransaction(connection -> connection.preparedQuery("SELECT id, seq, payment_id, client_name, type "
                        + "FROM payment_events WHERE NOT fanned_out ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED")
                .execute(Tuple.of(BATCH))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(row -> new NewEvent(row.getString("id"),
                        row.getLong("seq"), row.getString("payment_id"), row.getString("client_name"),
                        row.getString("type"))).toList())
                .chain(events -> events.isEmpty() ? Uni.createFrom().item(0)
                        : endpointsOf(connection, events).chain(endpoints -> deliver(connection, events, endpoints))
                                .chain(() -> connection.preparedQuery("UPDATE payment_events SET fanned_out = true "
                                        + "WHERE id = ANY($1)").execute(Tuple.of(events.stream().map(NewEvent::id)
                                        .toArray(String[]::new))))
                                .replaceWith(events.size())));
    }

    private static Uni<List<Endpoint>> endpointsOf(SqlConnection connection, List<NewEvent> events) {
        String[] clients = events.stream().map(NewEvent::client).distinct().toArray(String[]::new);
        return connection.preparedQuery("SELECT id, client_name, event_types FROM webhook_endpoints "
                        + "WHERE status = 'enabled' AND client_name = ANY($1)")
                .execute(Tuple.of(clients))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(FanOut::endpoint).toList());
    }

    private static Endpoint endpoint(Row row) {
        String[] types = row.getArrayOfStrings("event_types");
        return new Endpoint(row.getString("id"), row.getString("client_name"), types == null ? null : Arrays.asList(types));
    }

    private Uni<Void> deliver(SqlConnection connection, List<NewEvent> events, List<Endpoint> endpoints) {
        Instant now = clock.instant();
        List<Tuple> deliveries = new ArrayList<>();
        for (NewEvent event : events) {
            for (Endpoint endpoint : endpoints) {
                if (endpoint.wants(event)) {
                    deliveries.add(Tuple.of(Ids.newId("whd"), event.id(), endpoint.id(), event.paymentId(), event.seq(),
                            SqlTime.utc(now.plus(schedule.first())))
                            .addValue(SqlTime.utc(now)));
                }
            }
        }
        if (deliveries.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery("INSERT INTO webhook_deliveries (id, event_id, endpoint_id, payment_id, event_seq, "
                        + "status, next_attempt_at, created_at) VALUES ($1, $2, $3, $4, $5, 'pending', $6, $7) "
                        + "ON CONFLICT (event_id, endpoint_id) DO NOTHING")
                .executeBatch(deliveries).replaceWithVoid();
    }
}
