package com.example.gateway.webhook;

import static com.example.gateway.support.SqlTime.instant;
import static com.example.gateway.support.SqlTime.utc;

import com.example.gateway.payment.EventType;
import com.example.gateway.support.Ids;
import com.example.gateway.support.SecretBox;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * A client's webhook endpoints: registered once {@link WebhookTargets} allows the URL, each with its own
 * signing secret (stored sealed, shown once), rotated with a day's overlap. Another client's endpoint is
 * "not found".
 */
@ApplicationScoped
public class WebhookEndpoints {

    /** How long the previous secret still signs after a rotation, so receivers can switch without downtime. */
    static final Duration ROTATION_OVERLAP = Duration.ofHours(24);

    private static final String COLUMNS = "id, url, event_types, status, disabled_reason, "
            + "CASE WHEN previous_secret_until > $2 THEN previous_secret_until END AS previous_until, created_at";

    private final Pool db;
    private final SecretBox box;
    private final WebhookTargets targets;
    private final Clock clock;

    WebhookEndpoints(Pool db, SecretBox box, WebhookTargets targets, Clock clock) {
        this.db = db;
        this.box = box;
        this.targets = targets;
        this.clock = clock;
    }

    /** Registers the endpoint; the answer shows its secret, the only time it is shown. */
    public Uni<WebhookEndpoint> create(String client, NewWebhookEndpoint request) {
        return targets.vet(request.url())
                .onFailure(TargetRefused.class)
                .transform(refused -> new WebhookUrlNotAllowed(((TargetRefused) refused).reason.detail))
                .chain(vetted -> insert(client, request));
    }

    private Uni<WebhookEndpoint> insert(String client, NewWebhookEndpoint request) {
        String id = Ids.newId("we");
        SigningSecret secret = SigningSecret.random();
        String[] types = request.eventTypes() == null ? null
                : request.eventTypes().stream().map(EventType::wireName).toArray(String[]::new);
        OffsetDateTime now = now();
        return db.preparedQuery("INSERT INTO webhook_endpoints (id, client_name, url, event_types, secret, status, "
                        + "created_at, updated_at) VALUES ($1, $3, $4, $5, $6, 'enabled', $2, $2) RETURNING " + COLUMNS)
                .execute(Tuple.of(id, now, client, request.url().toString()).addArrayOfString(types)
                        .addString(seal(secret, id)))
                .map(rows -> endpoint(rows).withSecret(secret.shown()));
    }

    public Uni<List<WebhookEndpoint>> list(String client) {
        return db.preparedQuery("SELECT " + COLUMNS + " FROM webhook_endpoints WHERE client_name = $1 ORDER BY created_at, id")
                .execute(Tuple.of(client, now()))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(WebhookEndpoints::endpoint).toList());
    }

    public Uni<WebhookEndpoint> get(String client, String id) {
        return db.preparedQuery("SELECT " + COLUMNS + " FROM webhook_endpoints WHERE client_name = $1 AND id = $3")
                .execute(Tuple.of(client, now(), id)).map(WebhookEndpoints::single);
    }

    /** Removes the endpoint and its deliveries: nothing more is sent to it. */
    public Uni<Void> delete(String client, String id) {
        return db.preparedQuery("DELETE FROM webhook_endpoints WHERE client_name = $1 AND id = $2")
                .execute(Tuple.of(client, id))
                .invoke(rows -> {
                    if (rows.rowCount() == 0) {
                        throw new WebhookEndpointNotFound();
                    }
                })
                .replaceWithVoid();
    }

    /**
     * A new secret signs from now on; the current one becomes the previous and still signs for
     * {@link #ROTATION_OVERLAP} (both signatures in {@code webhook-signature}). The answer shows the new secret.
     */
    public Uni<WebhookEndpoint> rotateSecret(String client, String id) {
        SigningSecret secret = SigningSecret.random();
        Instant now = clock.instant();
        return db.preparedQuery("UPDATE webhook_endpoints SET previous_secret = secret, previous_secret_until = $4, "
                        + "secret = $5, updated_at = $2 WHERE client_name = $1 AND id = $3 RETURNING " + COLUMNS)
                .execute(Tuple.of(client, utc(now), id, utc(now.plus(ROTATION_OVERLAP))).addString(seal(secret, id)))
                .map(rows -> single(rows).withSecret(secret.shown()));
    }

    private String seal(SigningSecret secret, String endpointId) {
        return box.seal(secret.key(), WebhookBeans.contextOf(endpointId));
    }

    private static WebhookEndpoint single(RowSet<Row> rows) {
        if (rows.rowCount() == 0) {
            throw new WebhookEndpointNotFound();
        }
        return endpoint(rows);
    }

    private static WebhookEndpoint endpoint(RowSet<Row> rows) {
        return endpoint(rows.iterator().next());
    }

    private static WebhookEndpoint endpoint(Row row) {
        String[] types = row.getArrayOfStrings("event_types");
        List<String> eventTypes = types == null
                ? Arrays.stream(EventType.values()).map(EventType::wireName).toList() : List.of(types);
        return new WebhookEndpoint(row.getString("id"), row.getString("url"), eventTypes, row.getString("status"),
                row.getString("disabled_reason"), instant(row, "previous_until"), instant(row, "created_at"), null);
    }

    private OffsetDateTime now() {
        return utc(clock.instant());
    }
}
