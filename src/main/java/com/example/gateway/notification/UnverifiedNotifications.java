package com.example.gateway.notification;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Notifications that did not verify, kept as counts only: per hour and per SHA-256 of the body, never the
 * body or a header. Counting is in memory (no database connection per attempt, so a flood of them costs
 * the pool nothing); a scheduled flush adds the counts to {@code unverified_notifications} in one batch.
 */
@ApplicationScoped
public class UnverifiedNotifications {

    /**
     * Distinct body hashes counted per hour on a replica; the attempts past them are counted under
     * {@link #OTHERS}, so that a flood of distinct bodies adds a bounded number of rows, not one each.
     */
    static final int HASHES_PER_HOUR = 100;
    static final String OTHERS = "others";

    private static final Logger LOG = Logger.getLogger(UnverifiedNotifications.class);

    private final Pool db;
    private final Clock clock;

    // Guarded by this.
    private Instant hour;
    private final Set<String> hashesThisHour = new HashSet<>();
    private Map<Key, Long> pending = new HashMap<>();

    UnverifiedNotifications(Pool db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    private record Key(Instant hour, String bodySha256) {
    }

    /** Counts one attempt with this body. */
    public void count(byte[] body) {
        String hash = sha256(body);
        Instant now = clock.instant().truncatedTo(ChronoUnit.HOURS);
        synchronized (this) {
            if (!now.equals(hour)) {
                hour = now;
                hashesThisHour.clear();
            }
            boolean counted = hashesThisHour.contains(hash)
                    || hashesThisHour.size() < HASHES_PER_HOUR && hashesThisHour.add(hash);
            pending.merge(new Key(now, counted ? hash : OTHERS), 1L, Long::sum);
        }
    }

    @Scheduled(every = "${gateway.notifications.unverified-flush-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return flush().replaceWithVoid();
    }

    /** Adds the attempts counted since the last flush to the table; answers how many there were. */
    public Uni<Long> flush() {
        Map<Key, Long> batch = takePending();
        if (batch.isEmpty()) {
            return Uni.createFrom().item(0L);
        }
        long attempts = batch.values().stream().mapToLong(Long::longValue).sum();
        List<Tuple> rows = batch.entrySet().stream().map(entry -> Tuple.of(
                OffsetDateTime.ofInstant(entry.getKey().hour(), ZoneOffset.UTC), entry.getKey().bodySha256(),
                entry.getValue())).toList();
        return db.preparedQuery("INSERT INTO unverified_notifications (hour, body_sha256, attempts) "
                        + "VALUES ($1, $2, $3) ON CONFLICT (hour, body_sha256) "
                        + "DO UPDATE SET attempts = unverified_notifications.attempts + EXCLUDED.attempts")
                .executeBatch(rows)
                .map(done -> {
                    LOG.warnf("%d DOKU notification(s) without a valid signature since the last count", attempts);
                    return attempts;
                })
                .onFailure().invoke(failure -> putBack(batch));
    }

    private synchronized Map<Key, Long> takePending() {
        Map<Key, Long> taken = pending;
        pending = new HashMap<>();
        return taken;
    }

    /** A failed flush keeps its counts for the next one. */
    private synchronized void putBack(Map<Key, Long> batch) {
        batch.forEach((key, attempts) -> pending.merge(key, attempts, Long::sum));
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
