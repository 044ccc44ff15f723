package com.example.gateway.webhook;

import com.example.gateway.support.SecretBox;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * After a master key rotation, re-seals every stored signing secret under the current master, so
 * that the retired master can be removed from the configuration. Each row is written only if it
 * still holds what was read (another replica, or a secret rotation, may have changed it meanwhile).
 * Idempotency answers that show a secret are not re-sealed: they are deleted after their retention.
 */
@ApplicationScoped
public class SecretResealing {

    private static final Logger LOG = Logger.getLogger(SecretResealing.class);

    private final Pool db;
    private final SecretBox box;

    SecretResealing(Pool db, SecretBox box) {
        this.db = db;
        this.box = box;
    }

    @Scheduled(every = "${gateway.keys.reseal-every}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return runOnce().replaceWithVoid();
    }

    /** Re-seals what is not sealed under the current master; answers how many secrets it re-sealed. */
    public Uni<Integer> runOnce() {
        return db.query("SELECT id, secret, previous_secret FROM webhook_endpoints").execute()
                .onItem().transformToMulti(rows -> Multi.createFrom().iterable(rows))
                .onItem().transformToUniAndConcatenate(this::reseal)
                .collect().asList()
                .map(counts -> counts.stream().mapToInt(Integer::intValue).sum())
                .invoke(count -> {
                    if (count > 0) {
                        LOG.infof("Re-sealed %d webhook signing secrets under the current master key", count);
                    }
                });
    }

    private Uni<Integer> reseal(Row row) {
        String id = row.getString("id");
        String secret = row.getString("secret");
        String previous = row.getString("previous_secret");
        boolean secretStale = !box.isCurrent(secret);
        boolean previousStale = previous != null && !box.isCurrent(previous);
        if (!secretStale && !previousStale) {
            return Uni.createFrom().item(0);
        }
        String context = WebhookBeans.contextOf(id);
        return db.preparedQuery("UPDATE webhook_endpoints SET secret = $2, previous_secret = $3 "
                        + "WHERE id = $1 AND secret = $4 AND previous_secret IS NOT DISTINCT FROM $5")
                .execute(Tuple.of(id, box.reseal(secret, context), previous == null ? null : box.reseal(previous, context),
                        secret, previous))
                .map(rows -> rows.rowCount() == 0 ? 0 : (secretStale ? 1 : 0) + (previousStale ? 1 : 0));
    }
}
