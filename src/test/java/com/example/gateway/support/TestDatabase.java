package com.example.gateway.support;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** Direct SQL for assertions about what the gateway stored (tests only). */
@ApplicationScoped
public class TestDatabase {

    private final Pool pool;

    TestDatabase(Pool pool) {
        this.pool = pool;
    }

    public long count(String sql, Object... args) {
        Row row = pool.preparedQuery(sql).execute(Tuple.from(args)).await().indefinitely().iterator().next();
        return row.getLong(0);
    }

    /** The first column of every row, as text. */
    public List<String> column(String sql, Object... args) {
        List<String> values = new ArrayList<>();
        for (Row row : pool.preparedQuery(sql).execute(Tuple.from(args)).await().indefinitely()) {
            values.add(String.valueOf(row.getValue(0)));
        }
        return values;
    }

    /** Every column of the one row {@code sql} answers, as text. */
    public List<String> row(String sql, Object... args) {
        Row row = pool.preparedQuery(sql).execute(Tuple.from(args)).await().indefinitely().iterator().next();
        List<String> values = new ArrayList<>();
        for (int i = 0; i < row.size(); i++) {
            values.add(String.valueOf(row.getValue(i)));
        }
        return values;
    }

    /**
     * Locks the payment's row in a transaction of its own, as a change being made elsewhere would, until
     * {@link HeldRow#commitMoved()}.
     */
    public HeldRow lockPayment(String id) {
        SqlConnection connection = pool.getConnection().await().indefinitely();
        Transaction transaction = connection.begin().await().indefinitely();
        connection.preparedQuery("SELECT id FROM payments WHERE id = $1 FOR UPDATE").execute(Tuple.of(id))
                .await().indefinitely();
        return new HeldRow(connection, transaction, id);
    }

    /** A payment's row locked by {@link #lockPayment}. */
    public record HeldRow(SqlConnection connection, Transaction transaction, String id) {

        /** Moves the payment's version, as a change would, commits and lets the row go. */
        public void commitMoved() {
            connection.preparedQuery("UPDATE payments SET version = version + 1 WHERE id = $1").execute(Tuple.of(id))
                    .await().indefinitely();
            transaction.commit().await().indefinitely();
            connection.close().await().indefinitely();
        }
    }

    /** Every text value in every row of every table of the public schema. */
    public List<String> allText() {
        List<String> values = new ArrayList<>();
        for (Row table : pool.query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")
                .execute().await().indefinitely()) {
            String name = table.getString(0);
            for (Row row : pool.query("SELECT t::text FROM \"" + name + "\" t").execute().await().indefinitely()) {
                values.add(name + ": " + row.getString(0));
            }
        }
        return values;
    }
}
