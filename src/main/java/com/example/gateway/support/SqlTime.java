package com.example.gateway.support;

import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Instants to and from PostgreSQL's {@code timestamptz} through the reactive client, which binds and
 * reads {@link OffsetDateTime} (not {@link Instant}). The one copy: payments and webhooks both use it.
 */
public final class SqlTime {

    private SqlTime() {
    }

    /** An instant as the client binds a {@code timestamptz}; null stays null (SQL NULL). */
    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** A {@code timestamptz} column as an instant; SQL NULL is null. */
    public static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
