package com.example.gateway.payment;

import com.example.gateway.api.ApiProblem;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/** Reading and changing payment rows. A change always happens under the row lock of its payment. */
@ApplicationScoped
public class Payments {

    /** Applies {@code change} to the locked payment in its own transaction and returns it. */
    public Uni<Payment> update(String id, Consumer<Payment> change) {
        return Panache.withTransaction(() -> Payment.<Payment>findById(id, LockModeType.PESSIMISTIC_WRITE)
                .invoke(change));
    }

    public Uni<Void> delete(String id) {
        return Panache.withTransaction(() -> Payment.deleteById(id)).replaceWithVoid();
    }

    /** The payment if {@code client} created it; another client's payment is "not found". */
    public Uni<Payment> findForClient(String client, String id) {
        return Panache.withSession(() -> Payment.<Payment>findById(id))
                .onItem().transform(p -> {
                    if (p == null || !p.clientName.equals(client)) {
                        throw ApiProblem.paymentNotFound();
                    }
                    return p;
                });
    }

    /** Newest first, keyset-paginated after {@code after} (exclusive); fetches {@code limit} rows. */
    public Uni<List<Payment>> list(String client, PaymentFilter filter, Instant afterCreatedAt, String afterId, int limit) {
        StringBuilder query = new StringBuilder("clientName = :client");
        Parameters params = Parameters.with("client", client);
        if (filter.invoiceNumber() != null) {
            query.append(" and invoiceNumber = :invoice");
            params.and("invoice", filter.invoiceNumber());
        }
        if (filter.customerId() != null) {
            query.append(" and customerId = :customer");
            params.and("customer", filter.customerId());
        }
        if (filter.status() != null) {
            query.append(" and status = :status");
            params.and("status", filter.status());
        }
        if (afterCreatedAt != null) {
            query.append(" and (createdAt < :afterCreated or (createdAt = :afterCreated and id < :afterId))");
            params.and("afterCreated", afterCreatedAt).and("afterId", afterId);
        }
        query.append(" order by createdAt desc, id desc");
        return Panache.withSession(() -> Payment.<Payment>find(query.toString(), params).range(0, limit - 1).list());
    }

    public record PaymentFilter(String invoiceNumber, String customerId, PaymentStatus status) {
    }
}
