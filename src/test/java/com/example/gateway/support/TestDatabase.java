package com.example.gateway.support;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
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
