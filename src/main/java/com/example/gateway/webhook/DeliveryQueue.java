package com.example.gateway.webhook;

import com.example.gateway.support.SqlTime;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * The pending deliveries and what became of them. A due delivery is claimed with {@code FOR UPDATE
 * SKIP LOCKED} and leased by pushing its next attempt past the lease, so replicas never send it at the
 * same time and a replica that dies mid-send leaves it to be sent again once the lease runs out. A
 * delivery is due only when no earlier event of its payment is still waiting for its endpoint (nor
 * still to be fanned out): the events of a payment reach an endpoint in order.
 */
@ApplicationScoped
class DeliveryQueue {

    /** One claimed delivery, with what sending it needs. */
    record Claimed(String id, int attempts, String eventId, String body, String endpointId, String url, String secret,
            String previousSecret, Instant previousSecretUntil) {
    }

    private static final String CLAIM = """
            UPDATE webhook_deliveries d SET next_attempt_at = $2
            FROM payment_events e, webhook_endpoints w
            WHERE d.id IN (
                SELECT c.id FROM webhook_deliveries c JOIN webhook_endpoints cw ON cw.id = c.endpoint_id
                WHERE c.status = 'pending' AND c.next_attempt_at <= $1 AND cw.status = 'enabled'
                  AND NOT EXISTS (SELECT 1 FROM webhook_deliveries p WHERE p.endpoint_id = c.endpoint_id
                        AND p.payment_id = c.payment_id AND p.event_seq < c.event_seq AND p.status = 'pending')
                  AND NOT EXISTS (SELECT 1 FROM payment_events u WHERE u.payment_id = c.payment_id
                        AND u.seq < c.event_seq AND NOT u.fanned_out)
                ORDER BY c.next_attempt_at LIMIT $3 FOR UPDATE OF c SKIP LOCKED)
              AND e.id = d.event_id AND w.id = d.endpoint_id
            RETURNING d.id, d.attempts, e.id AS event_id, e.body, w.id AS endpoint_id, w.url, w.secret,
                      w.previous_secret, w.previous_secret_until""";

    /** Only the claim that made an attempt records it: the attempt count it saw must still be there. */
    private static final String STILL_CLAIMED = " WHERE id = $1 AND attempts = $2 AND status = 'pending'";

    private final Pool db;
    private final RetrySchedule schedule;
    private final WebhookMetrics metrics;
    /** Longer than any attempt can take. */
    private final Duration lease;

    DeliveryQueue(Pool db, RetrySchedule schedule, WebhookConfig config, WebhookMetrics metrics) {
        this.db = db;
        this.schedule = schedule;
        this.metrics = metrics;
        this.lease = config.requestTimeout().multipliedBy(2).plusSeconds(5);
    }

    Uni<List<Claimed>> claim(Instant now, int most) {
        return db.preparedQuery(CLAIM)
                .execute(Tuple.of(SqlTime.utc(now), SqlTime.utc(now.plus(lease)), most))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(DeliveryQueue::claimed).toList());
    }

    private static Claimed claimed(Row row) {
        return new Claimed(row.getString("id"), row.getInteger("attempts"), row.getString("event_id"),
                row.getString("body"), row.getString("endpoint_id"), row.getString("url"), row.getString("secret"),
                row.getString("previous_secret"), SqlTime.instant(row, "previous_secret_until"));
    }

    /** Records the attempt: delivered, due again on the schedule, failed, or (410) its endpoint disabled. */
    Uni<Void> record(Claimed delivery, Attempt attempt, Instant now) {
        metrics.attempted(attempt);
        int attempts = delivery.attempts() + 1;
        Tuple outcome = Tuple.of(delivery.id(), delivery.attempts(), attempts, SqlTime.utc(now))
                .addValue(attempt.status()).addString(attempt.describe());
        if (attempt.delivered()) {
            return end(outcome, "delivered", "delivered_at = $4, next_attempt_at = NULL");
        }
        if (attempt.gone()) {
            return end(outcome, "failed", "next_attempt_at = NULL").call(() -> disable(delivery.endpointId(), now));
        }
        Optional<Duration> wait = schedule.next(attempts, attempt.retryAfter(now));
        if (wait.isEmpty()) {
            return end(outcome, "failed", "next_attempt_at = NULL");
        }
        return db.preparedQuery("UPDATE webhook_deliveries SET attempts = $3, last_attempt_at = $4, "
                        + "last_response_status = $5, last_error = $6, next_attempt_at = $7" + STILL_CLAIMED)
                .execute(outcome.addValue(SqlTime.utc(now.plus(wait.get())))).replaceWithVoid();
    }

    private Uni<Void> end(Tuple outcome, String status, String also) {
        return db.preparedQuery("UPDATE webhook_deliveries SET status = '" + status + "', attempts = $3, "
                        + "last_attempt_at = $4, last_response_status = $5, last_error = $6, " + also + STILL_CLAIMED)
                .execute(outcome)
                .invoke(rows -> {
                    metrics.ended(status, rows.rowCount());
                })
                .replaceWithVoid();
    }

    /** The receiver answered 410 Gone: nothing more is sent to it, and what was still waiting for it fails. */
    private Uni<Void> disable(String endpointId, Instant now) {
        return db.withTransaction(connection -> connection.preparedQuery("UPDATE webhook_endpoints SET status = 'disabled', "
                        + "disabled_reason = 'the receiver answered 410 Gone', updated_at = $2 WHERE id = $1")
                .execute(Tuple.of(endpointId, SqlTime.utc(now)))
                .chain(() -> connection.preparedQuery("UPDATE webhook_deliveries SET status = 'failed', "
                                + "next_attempt_at = NULL, last_error = 'endpoint disabled: it answered 410 Gone' "
                                + "WHERE endpoint_id = $1 AND status = 'pending'")
                        .execute(Tuple.of(endpointId)))
                .invoke(rows -> metrics.ended("failed", rows.rowCount()))
                .replaceWithVoid());
    }
}
