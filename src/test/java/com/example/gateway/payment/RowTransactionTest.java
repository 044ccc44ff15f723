package com.example.gateway.payment;

import static com.example.gateway.support.GatewayApi.ORDERS;
import static com.example.gateway.support.GatewayApi.create;
import static com.example.gateway.support.GatewayApi.newInvoice;
import static com.example.gateway.support.GatewayApi.paymentPage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.gateway.support.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link Payments#rowTransaction} sends BEGIN with the work's first statements instead of waiting for its
 * answer: the lock taken by those statements is still the transaction's, held until it ends, and a write
 * that fails undoes the writes sent with it.
 */
@QuarkusTest
class RowTransactionTest {

    private static final String TRY_LOCK = "SELECT count(*) FROM (SELECT id FROM payments WHERE id = $1 FOR UPDATE NOWAIT) l";

    @Inject
    Payments payments;

    @Inject
    TestDatabase db;

    @Test
    void theRowLockTakenWithBeginIsHeldUntilTheTransactionEnds() throws Exception {
        String id = create(ORDERS, paymentPage(newInvoice(), 25000)).statusCode(201).extract().path("id");
        CompletableFuture<Void> locked = new CompletableFuture<>();
        CompletableFuture<Void> release = new CompletableFuture<>();

        CompletableFuture<Void> transaction = payments.rowTransaction(tx -> payments.lock(tx, id)
                .invoke(() -> locked.complete(null))
                .chain(() -> Uni.createFrom().completionStage(release))).subscribeAsCompletionStage();
        locked.get(10, TimeUnit.SECONDS);

        PgException held = assertThrows(PgException.class, () -> db.count(TRY_LOCK, id));
        assertEquals("55P03", held.getSqlState(), "lock_not_available: " + held.getMessage());

        release.complete(null);
        transaction.get(10, TimeUnit.SECONDS);
        assertEquals(1, db.count(TRY_LOCK, id), "released at commit");
    }

    @Test
    void aWriteThatFailsUndoesTheWritesSentWithIt() {
        String id = create(ORDERS, paymentPage(newInvoice(), 25000)).statusCode(201).extract().path("id");
        List<String> before = db.column("SELECT reconcile_attempts || '/' || version FROM payments WHERE id = $1", id);

        Throwable failure = assertThrows(Throwable.class, () -> VertxContextSupport.subscribeAndAwait(
                () -> payments.rowTransaction(tx -> payments.lock(tx, id).invoke(p -> {
                    p.payment().reconcileAttempts = 7;
                    tx.writeBeforeCommit(() -> tx.connection().query("SELECT 1 / 0").execute().replaceWithVoid());
                }))));

        assertTrue(String.valueOf(failure.getMessage()).contains("division by zero"), String.valueOf(failure));
        assertEquals(before, db.column("SELECT reconcile_attempts || '/' || version FROM payments WHERE id = $1", id),
                "the payment's update was rolled back with the failed statement");
        assertEquals(1, db.count(TRY_LOCK, id), "and its lock released");
    }
}
