package com.example.gateway.payment;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A database transaction on one pooled connection in which payments are locked and changed by plain
 * statements ({@link Payments#rowTransaction}): its {@link UnitOfWork} collects the events, and the payments
 * it locked are written, with those events, just before it commits.
 */
public final class RowTransaction {

    private final SqlConnection connection;
    private final UnitOfWork unit = new UnitOfWork();
    private final List<LockedPayment> locked = new ArrayList<>();
    private final List<Supplier<Uni<Void>>> alsoWritten = new ArrayList<>();

    RowTransaction(SqlConnection connection) {
        this.connection = connection;
    }

    public UnitOfWork unit() {
        return unit;
    }

    /** The transaction's connection, for statements on other tables made in it. */
    public SqlConnection connection() {
        return connection;
    }

    /**
     * A statement on another table, made when the work is done and sent with the payments' writes just before
     * the commit (in the same round trip): for what records the change, such as the notification that made it.
     */
    public void writeBeforeCommit(Supplier<Uni<Void>> statement) {
        alsoWritten.add(statement);
    }

    List<Supplier<Uni<Void>>> alsoWritten() {
        return List.copyOf(alsoWritten);
    }

    LockedPayment track(LockedPayment payment) {
        locked.add(payment);
        return payment;
    }

    List<LockedPayment> locked() {
        return List.copyOf(locked);
    }
}
