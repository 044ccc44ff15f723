package com.example.gateway.payment;

import com.example.gateway.support.SqlTime;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.sqlclient.TransactionRollbackException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * The one door to payment storage: every read, lock and write of payments and their captures and refunds
 * goes through here. {@link PaymentRows}' plain SQL serves the hot paths: creation, reads and listings, and
 * every change of a payment alone under its row lock ({@link #rowTransaction}: API calls, reconciliation and
 * notifications alike). Hibernate Reactive serves the changes that also touch other entities in one
 * transaction ({@link #transaction}: 3-D Secure, the expiry sweep), locking the same row the same way. Its own
 * plain SQL serves the jobs' claims and the gauges' counts, whose statuses it takes from the enums.
 */
@ApplicationScoped
public class Payments {

    private final Pool db;
    private final PaymentEvents events;
    private final PaymentRows rows;

    Payments(Pool db, PaymentEvents events, PaymentRows rows) {
        this.db = db;
        this.events = events;
        this.rows = rows;
    }

    /**
     * Stores a new payment, still PENDING, before DOKU is called (the write-ahead row). One statement
     * and no event: a payment's first event is written by its first change.
     */
    Uni<Void> insert(Payment payment) {
        return rows.insert(payment);
    }

    /**
     * A transaction in which payments, captures and refunds may change: it begins a {@link UnitOfWork} and
     * hands it to {@code work}, every change made in it records its event there, and the unit's events are
     * written in the same transaction just before it commits, so a change and its event are stored together
     * or not at all. Every change of status happens in one. A transaction begun within another joins the
     * database transaction but has its own unit, written when its own work ends.
     */
    public <T> Uni<T> transaction(Function<UnitOfWork, Uni<T>> work) {
        return Panache.withTransaction(() -> {
            UnitOfWork unit = new UnitOfWork();
            return Uni.createFrom().deferred(() -> work.apply(unit))
                    .call(() -> events.write(unit.close()));
        });
    }

    /**
     * A transaction on one pooled connection in which payments are locked ({@link #lock(RowTransaction, String)},
     * {@link #lockByInvoice}) and changed in memory; just before it commits, what changed in each locked payment
     * and the events of its unit are written (plain statements, pipelined), so a change and its event are stored
     * together or not at all.
     */
    public <T> Uni<T> rowTransaction(Function<RowTransaction, Uni<T>> work) {
        return db.withConnection(connection -> {
            // Not Pool.withTransaction: it waits for BEGIN's answer before the work sends anything, a round
            // trip that carries nothing. The connection sends its commands in order without waiting (it
            // pipelines), so BEGIN goes out with the work's first statements (the lock), and PostgreSQL runs
            // them inside the transaction. Its answers come back in order too, so BEGIN's is known before
            // the lock's; the writes wait for it all the same, so nothing is written outside a transaction.
            Uni<Transaction> begun = Uni.createFrom().completionStage(connection.begin().subscribeAsCompletionStage());
            RowTransaction tx = new RowTransaction(connection);
            return Uni.createFrom().deferred(() -> work.apply(tx))
                    .call(() -> begun)
                    .call(() -> rows.write(tx, eventsOf(tx)))
                    .onItemOrFailure().transformToUni((result, failure) -> begun.onItemOrFailure()
                            .transformToUni((transaction, beginFailed) -> end(transaction, result,
                                    failure != null ? failure : beginFailed)));
        });
    }

    /**
     * Commits, or rolls back after {@code failure} (as Pool.withTransaction does; a transaction that failed to
     * begin is closed with its connection).
     */
    private static <T> Uni<T> end(Transaction transaction, T result, Throwable failure) {
        if (failure == null) {
            return transaction.commit().replaceWith(result);
        }
        if (transaction == null || failure instanceof TransactionRollbackException) {
            return Uni.createFrom().<T>failure(failure);
        }
        return transaction.rollback().onFailure().recoverWithNull().chain(() -> Uni.createFrom().<T>failure(failure));
    }

    private List<PaymentEvent> eventsOf(RowTransaction tx) {
        Map<String, List<UnitOfWork.Entry>> byPayment = tx.unit().close().stream()
                .collect(Collectors.groupingBy(UnitOfWork.Entry::paymentId, LinkedHashMap::new, Collectors.toList()));
        return byPayment.entrySet().stream().flatMap(entries -> {
            LockedPayment locked = tx.locked().stream().filter(l -> l.payment().id.equals(entries.getKey())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("an event of payment " + entries.getKey()
                            + ", which this transaction did not lock"));
            return events.rowsFor(locked.details(), entries.getValue()).stream();
        }).toList();
    }

    /** In {@code tx}: the payment, row-locked until it ends, with its captures and refunds; null if there is none. */
    Uni<LockedPayment> lock(RowTransaction tx, String id) {
        return rows.lock(tx, id);
    }

    /**
     * In {@code tx}: the payment of {@code invoiceNumber}, row-locked until it ends (a notification names its
     * payment by invoice); null if there is none.
     */
    public Uni<LockedPayment> lockByInvoice(RowTransaction tx, String invoiceNumber) {
        return rows.lockByInvoice(tx, invoiceNumber);
    }

    /** Hands the locked payment to {@code work} in a {@link #rowTransaction}; a missing payment is "not found". */
    <T> Uni<T> change(String id, Function<LockedPayment, Uni<T>> work) {
        return rowTransaction(tx -> lock(tx, id).chain(locked -> locked == null
                ? Uni.createFrom().failure(new PaymentNotFound()) : work.apply(locked)));
    }

    /**
     * Applies {@code work} to {@code read}, a payment with all its captures and refunds as one statement read them
     * (no lock), and stores what it changed, with its events, in one statement ({@link PaymentRows#writeUnlessMoved}),
     * if the payment's version is still the one read: no BEGIN, lock and COMMIT round trips. Every change of a
     * payment's captures and refunds moves the payment's version too ({@link PaymentRows#write}), so an unmoved
     * version means nothing {@code work} read has changed since. Otherwise (reconciliation, a notification or
     * another request got there first, or holds the row now) {@code work} runs again, on the payment as it
     * stands, under the row lock like any other change ({@link #change}). So {@code work} may run twice, and must
     * change nothing but what it is handed; its result is the stored run's. Work that changes nothing is not
     * written: the read it answered from was one consistent snapshot.
     */
    <T> Uni<T> changeUnlessMoved(Details read, Function<LockedPayment, Uni<T>> work) {
        int versionRead = read.payment().version;
        LockedPayment snapshot = new LockedPayment(new UnitOfWork(), read.payment(), read.operations());
        return Uni.createFrom().deferred(() -> work.apply(snapshot)).chain(result -> {
            List<UnitOfWork.Entry> entries = snapshot.unit().close();
            if (entries.isEmpty() && !snapshot.changed()) {
                return Uni.createFrom().item(result);
            }
            return rows.writeUnlessMoved(snapshot, versionRead, events.rowsFor(snapshot.details(), entries))
                    .chain(stored -> stored ? Uni.createFrom().item(result) : change(read.payment().id, work));
        });
    }

    /**
     * Records DOKU's answer to the call a payment was written ahead of ({@link #insert}): a page's URL, a
     * charge's outcome. In the common case nothing has touched the row since, and it is one statement
     * ({@link #changeUnlessMoved}); {@code change} may then run twice, and the stored run is the last.
     */
    public Uni<Payment> recordAnswer(Payment written, BiConsumer<UnitOfWork, Payment> change) {
        // A payment answered the first time has no captures or refunds yet (they need it AUTHORIZED).
        return changeUnlessMoved(new Details(written, List.of()), changing(change));
    }

    /** Applies {@code change} to the locked payment in its own {@link #rowTransaction} and returns it. */
    public Uni<Payment> update(String id, BiConsumer<UnitOfWork, Payment> change) {
        return change(id, changing(change));
    }

    private static Function<LockedPayment, Uni<Payment>> changing(BiConsumer<UnitOfWork, Payment> change) {
        return locked -> {
            change.accept(locked.unit(), locked.payment());
            return Uni.createFrom().item(locked.payment());
        };
    }

    /** Inside a {@link #transaction}: the payment, row-locked until it commits; null if there is none. */
    Uni<Payment> lock(String id) {
        return Payment.<Payment>findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The payment as it stands, in a session of its own, unlocked; null if there is none. */
    Uni<Payment> find(String id) {
        return Panache.withSession(() -> Payment.<Payment>findById(id));
    }

    /** The payment as it stands with its captures and refunds still PENDING or UNKNOWN, unlocked. */
    Uni<Details> withUnsettled(String id) {
        return Panache.withSession(() -> Payment.<Payment>findById(id)
                .chain(payment -> PaymentOperations.unsettled(id).map(unsettled -> new Details(payment, unsettled))));
    }

    /**
     * In one {@link #rowTransaction}, locks the payment and hands it, with its captures and refunds still
     * PENDING or UNKNOWN, to {@code work}: the payment row is the lock for everything that moves its money.
     */
    public <T> Uni<T> withLockedPayment(String id, LockedWork<T> work) {
        return change(id, locked -> work.apply(locked.unit(), locked.payment(), locked.unsettled()));
    }

    /** Work on a locked payment and its unsettled captures and refunds, whose changes go into {@code unit}. */
    @FunctionalInterface
    public interface LockedWork<T> {
        Uni<T> apply(UnitOfWork unit, Payment payment, List<PaymentOperation> unsettled);
    }

    /** The payment if {@code client} created it; a missing one or another client's is "not found". */
    static Payment ownedBy(String client, Payment payment) {
        if (payment == null || !payment.clientName.equals(client)) {
            throw new PaymentNotFound();
        }
        return payment;
    }

    /**
     * Withdraws a write-ahead row that DOKU certainly never saw (a payment awaiting 3-D Secure has not
     * been charged either). One plain statement on the pool, not a
     * Hibernate Reactive session: it runs after the DOKU call, and a session opened there could be
     * left open, holding its connection, when many calls fail at once (a DOKU outage).
     */
    public Uni<Void> withdraw(String id) {
        return db.preparedQuery(WITHDRAW).execute(Tuple.of(id)).replaceWithVoid();
    }

    /**
     * Claims up to {@code batch} payments whose reconciliation is due at {@code now} and leases them until
     * {@code leaseUntil} (their next time pushed forward), so no other replica takes them meanwhile; answers
     * their ids. One statement, {@code FOR UPDATE SKIP LOCKED}: replicas claiming together never wait.
     */
    public Uni<List<String>> claimDueForReconciliation(Instant now, Instant leaseUntil, int batch) {
        return db.preparedQuery(CLAIM_DUE_FOR_RECONCILIATION)
                .execute(Tuple.of(SqlTime.utc(now), SqlTime.utc(leaseUntil), batch))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(row -> row.getString("id")).toList());
    }

    /**
     * Inside a {@link #transaction}: up to {@code batch} AUTHORIZED payments whose capture window closed by
     * {@code now}, none with a capture or void still in flight (reconciliation settles that first), row-locked;
     * rows another replica holds are skipped.
     */
    Uni<List<Payment>> claimLapsedAuthorizations(Instant now, int batch) {
        return claim(LAPSED_AUTHORIZATIONS, now, batch);
    }

    /**
     * Inside a {@link #transaction}: up to {@code batch} AUTHORIZED payments not yet warned whose deadline is
     * after {@code now} and within {@link AuthorizationExpirySweep#WARNING} of it, row-locked; rows another
     * replica holds are skipped.
     */
    Uni<List<Payment>> claimAuthorizationsToWarn(Instant now, int batch) {
        return claim(AUTHORIZATIONS_TO_WARN, now, batch);
    }

    private static Uni<List<Payment>> claim(String query, Instant now, int batch) {
        return Panache.getSession().chain(session -> session.createNativeQuery(query, Payment.class)
                .setParameter("now", SqlTime.utc(now))
                .setParameter("batch", batch)
                .getResultList());
    }

    /** How many authorizations await capture, how many of them are due by {@code dueBy}, how many payments are UNKNOWN. */
    public record Counts(long awaitingCapture, long dueBy, long unknown) {
    }

    /** The gauges' numbers, in one statement on the pool. */
    public Uni<Counts> counts(Instant dueBy) {
        return db.preparedQuery(COUNTS).execute(Tuple.of(SqlTime.utc(dueBy)))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new Counts(row.getLong(0), row.getLong(1), row.getLong(2));
                });
    }

    /**
     * A status as an SQL literal, from the enum. A literal rather than a parameter: the partial indexes on
     * payments and operations (migration V2) serve a statement only when the status is written in it, as a
     * prepared statement's generic plan knows nothing of its parameters.
     */
    private static String sql(Enum<?> status) {
        return "'" + status.name() + "'";
    }

    private static final String WITHDRAW = "DELETE FROM payments WHERE id = $1 AND status IN ("
            + sql(PaymentStatus.PENDING) + ", " + sql(PaymentStatus.REQUIRES_AUTHENTICATION) + ")";

    private static final String CLAIM_DUE_FOR_RECONCILIATION = "UPDATE payments SET next_reconcile_at = $2 WHERE id IN ("
            + "SELECT id FROM payments WHERE next_reconcile_at <= $1 ORDER BY next_reconcile_at "
            + "LIMIT $3 FOR UPDATE SKIP LOCKED) RETURNING id";

    private static final String NOTHING_IN_FLIGHT = " AND NOT EXISTS (SELECT 1 FROM payment_operations o "
            + "WHERE o.payment_id = p.id AND o.status IN (" + sql(PaymentOperation.Status.PENDING) + ", "
            + sql(PaymentOperation.Status.UNKNOWN) + ")) ";

    private static final String LAPSED_AUTHORIZATIONS = "SELECT * FROM payments p WHERE p.status = "
            + sql(PaymentStatus.AUTHORIZED) + " AND p.capture_deadline <= :now" + NOTHING_IN_FLIGHT
            + "ORDER BY p.capture_deadline LIMIT :batch FOR UPDATE SKIP LOCKED";

    private static final String AUTHORIZATIONS_TO_WARN = "SELECT * FROM payments p WHERE p.status = "
            + sql(PaymentStatus.AUTHORIZED) + " AND p.expiry_warned_at IS NULL AND p.capture_deadline > :now "
            + "AND p.capture_deadline - interval '" + AuthorizationExpirySweep.WARNING.toHours() + " hours' <= :now "
            + "ORDER BY p.capture_deadline LIMIT :batch FOR UPDATE SKIP LOCKED";

    /**
     * Three counts, each over a partial index of migration V2 alone (index-only scans), not one pass over the
     * whole table: with 400 000 payments, 406 buffers instead of 9 246 (bench/sql/plans.sql; docs/internals.md,
     * "Performance").
     */
    private static final String COUNTS = "SELECT "
            + "(SELECT count(*) FROM payments WHERE status = " + sql(PaymentStatus.AUTHORIZED) + "), "
            + "(SELECT count(*) FROM payments WHERE status = " + sql(PaymentStatus.AUTHORIZED) + " AND capture_deadline <= $1), "
            + "(SELECT count(*) FROM payments WHERE status = " + sql(PaymentStatus.UNKNOWN) + ")";

    /** A payment with its captures and refunds, oldest first. */
    public record Details(Payment payment, List<PaymentOperation> operations) {

        /** The payment resource, as GET returns it. */
        public PaymentView view() {
            return PaymentView.of(payment, operations);
        }
    }

    /** The payment if {@code client} created it; another client's payment is "not found". One query. */
    public Uni<Details> details(String client, String id) {
        return rows.details(id).map(details -> {
            ownedBy(client, details == null ? null : details.payment());
            return details;
        });
    }

    /** The operations of many payments in one query, for listings. */
    public Uni<List<Details>> withOperations(List<Payment> page) {
        if (page.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return rows.operationsOf(page.stream().map(p -> p.id).toList())
                .map(ops -> page.stream().map(p -> new Details(p,
                        ops.stream().filter(op -> op.paymentId.equals(p.id)).toList())).toList());
    }

    /** AUTHORIZED payments of {@code client} awaiting capture, soonest deadline first, keyset after (deadline, id). */
    public Uni<List<Payment>> awaitingCapture(String client, Instant expiringBefore, Instant afterDeadline,
            String afterId, int limit) {
        return rows.awaitingCapture(client, expiringBefore, afterDeadline, afterId, limit);
    }

    /** Newest first, keyset-paginated after {@code after} (exclusive); fetches {@code limit} rows. */
    public Uni<List<Payment>> list(String client, PaymentFilter filter, Instant afterCreatedAt, String afterId, int limit) {
        return rows.list(client, filter, afterCreatedAt, afterId, limit);
    }

    /** What a listing matches: each given field exactly, and every pair of {@code metadata} (empty: any). */
    public record PaymentFilter(String invoiceNumber, String customerId, PaymentStatus status,
            Map<String, String> metadata) {
    }
}
