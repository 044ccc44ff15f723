package com.example.gateway.payment;

import io.vertx.mutiny.sqlclient.SqlConnection;
import java.util.ArrayList;
import java.util.List;

/**
 * A database transaction on one pooled connection in which payments are locked and changed by plain
 * statements ({@link Payments#rowTransaction}): its {@link UnitOfWork} collects the events, and the payments
 * it locked are written, with those events, just before it commits.
 */
public final class RowTransaction {

    private final SqlConnection connection;
    private final UnitOfWork unit = new UnitOfWork();
    private final List<LockedPayment> locked = new ArrayList<>();

    RowTransaction(SqlConnection connection) {
        this.connection = connection;
    }

    public UnitOfWork unit() {
        return unit;
    }

    /** The transaction's connection, for statements on other tables that must commit with the payment's change. */
    public SqlConnection connection() {
        return connection;
    }

    LockedPayment track(LockedPayment payment) {
        locked.add(payment);
        return payment;
    }

    List<LockedPayment> locked() {
        return List.copyOf(locked);
    }
}
