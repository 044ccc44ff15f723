package com.example.gateway.support;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Deletes the rows of a table older than a cutoff, a batch per statement so that no single delete
 * holds its locks for long. Safe on every replica at once (each batch deletes what is still there).
 */
public final class BatchedDelete {

    private static final int BATCH = 1000;

    private BatchedDelete() {
    }

    /**
     * Deletes from {@code table} (with a {@code id} key) every row whose {@code timeColumn} is before
     * {@code cutoff}; answers how many. Table and column are the caller's constants, never input.
     */
    public static Uni<Integer> olderThan(Pool db, String table, String key, String timeColumn, Instant cutoff) {
        String sql = "DELETE FROM " + table + " WHERE " + key + " IN (SELECT " + key + " FROM " + table
                + " WHERE " + timeColumn + " < $1 LIMIT $2)";
        return next(db, sql, OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC));
    }

    private static Uni<Integer> next(Pool db, String sql, OffsetDateTime cutoff) {
        return db.preparedQuery(sql).execute(Tuple.of(cutoff, BATCH))
                .chain(rows -> rows.rowCount() < BATCH ? Uni.createFrom().item(rows.rowCount())
                        : next(db, sql, cutoff).map(more -> rows.rowCount() + more));
    }
}
