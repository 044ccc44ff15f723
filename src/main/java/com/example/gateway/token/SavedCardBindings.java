package com.example.gateway.token;

import com.example.gateway.payment.ProviderCustomerDirectory;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Which client's customer DOKU knows by which id ({@code doku_customers}), and which tokens DOKU handed
 * out to each ({@code saved_card_tokens}). A token is bound by the database as the payment that learnt
 * it is stored (migration V8), so every path that learns one (charge answer, notification,
 * reconciliation) binds it; here it is only read, and unbound.
 *
 * <p>A customer's DOKU id, once stored, never changes and is never deleted (no path updates or deletes a
 * {@code doku_customers} row), so each replica keeps the ids it has read or recorded in a bounded cache:
 * every payment naming a known customer then goes to DOKU without reading the database first.
 */
@ApplicationScoped
public class SavedCardBindings implements ProviderCustomerDirectory {

    private static final String FIND_ID = "SELECT doku_customer_id FROM doku_customers "
            + "WHERE client_name = $1 AND customer_id = $2";

    /**
     * Answers nothing when a concurrent first use stored the customer first (then {@link #FIND_ID} reads it).
     * No conflict target: with one, only that key is checked as a conflict, and a race lost on the other
     * unique key (the DOKU id, derived alike by both) was an error.
     */
    private static final String RECORD_ID = "INSERT INTO doku_customers (client_name, customer_id, doku_customer_id, "
            + "created_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING doku_customer_id";

    private static final String FIND_CUSTOMER = "SELECT c.doku_customer_id, t.token_id FROM doku_customers c "
            + "LEFT JOIN saved_card_tokens t ON t.client_name = c.client_name AND t.customer_id = c.customer_id "
            + "WHERE c.client_name = $1 AND c.customer_id = $2";

    private static final String UNBIND = "DELETE FROM saved_card_tokens "
            + "WHERE client_name = $1 AND customer_id = $2 AND token_id = $3";

    /** Enough for every customer of a busy day; an evicted one costs one primary-key read again. */
    private static final int CACHED_CUSTOMERS = 10_000;

    private record ClientCustomer(String client, String customerId) {
    }

    private final Pool db;
    private final ProviderCustomerIds ids;
    private final Clock clock;
    private final Cache<ClientCustomer, String> knownIds = Caffeine.newBuilder().maximumSize(CACHED_CUSTOMERS).build();

    SavedCardBindings(Pool db, ProviderCustomerIds ids, Clock clock) {
        this.db = db;
        this.ids = ids;
        this.clock = clock;
    }

    /** Looked up first: a customer keeps the id stored at first use, derived under whatever key was current then. */
    @Override
    public Uni<String> idOf(String client, String customerId) {
        ClientCustomer key = new ClientCustomer(client, customerId);
        String known = knownIds.getIfPresent(key);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return storedId(client, customerId)
                .chain(stored -> stored != null ? Uni.createFrom().item(stored) : record(client, customerId))
                .invoke(id -> knownIds.put(key, id));
    }

    @Override
    public Uni<String> idOfHolder(String client, String customerId, String tokenId) {
        return customer(client, customerId).map(found -> found.filter(customer -> customer.holds(tokenId))
                .orElseThrow(TokenNotFound::new).dokuCustomerId());
    }

    /** The client's customer with their bound tokens; empty if the client never sent DOKU this customer. */
    Uni<Optional<BoundCustomer>> customer(String client, String customerId) {
        return db.preparedQuery(FIND_CUSTOMER).execute(Tuple.of(client, customerId)).map(SavedCardBindings::customer);
    }

    Uni<Void> unbind(String client, String customerId, String tokenId) {
        return db.preparedQuery(UNBIND).execute(Tuple.of(client, customerId, tokenId)).replaceWithVoid();
    }

    private Uni<String> record(String client, String customerId) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
        return db.preparedQuery(RECORD_ID).execute(Tuple.of(client, customerId, ids.derive(client, customerId), now))
                .chain(inserted -> inserted.size() > 0 ? Uni.createFrom().item(inserted.iterator().next().getString(0))
                        : storedId(client, customerId).map(stored -> {
                            if (stored == null) {
                                // Only a DOKU id derived alike for another customer could do this (an HMAC collision).
                                throw new IllegalStateException("no DOKU customer id could be recorded for a customer");
                            }
                            return stored;
                        }));
    }

    /** The DOKU customer id stored for the client's customer; null if there is none yet. */
    private Uni<String> storedId(String client, String customerId) {
        return db.preparedQuery(FIND_ID).execute(Tuple.of(client, customerId))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString(0));
    }

    private static Optional<BoundCustomer> customer(RowSet<Row> rows) {
        String dokuCustomerId = null;
        Set<String> tokens = new HashSet<>();
        for (Row row : rows) {
            dokuCustomerId = row.getString("doku_customer_id");
            if (row.getString("token_id") != null) {
                tokens.add(row.getString("token_id"));
            }
        }
        return Optional.ofNullable(dokuCustomerId).map(id -> new BoundCustomer(id, Set.copyOf(tokens)));
    }
}
