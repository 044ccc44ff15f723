package com.example.gateway.payment;

import com.example.gateway.support.Ids;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.hibernate.reactive.mutiny.Mutiny;

/** Writes the events of a transaction's payment changes, and reads a payment's history. */
@ApplicationScoped
public class PaymentEvents {

    /** An event as it is sent: {@code data} is the payment resource at that moment, as GET returns it. */
    @RegisterForReflection
    record Body(String id, String type, Instant createdAt, String cause, PaymentView data) {
    }

    private final ObjectMapper json;

    PaymentEvents(ObjectMapper json) {
        this.json = json;
    }

    /** The events of the payment, oldest first, each as its JSON body; another client's payment is "not found". */
    public Uni<List<String>> history(String client, String paymentId) {
        return Panache.withSession(() -> Payment.<Payment>findById(paymentId).map(p -> Payments.ownedBy(client, p))
                .chain(p -> PaymentEvent.<PaymentEvent>list("paymentId = ?1 order by seq", p.id))
                .map(events -> events.stream().map(e -> e.body).toList()));
    }

    /** Inside the transaction, before it commits: one row per entry, with the payment as the transaction leaves it. */
    Uni<Void> write(List<UnitOfWork.Entry> entries) {
        if (entries.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Map<String, List<UnitOfWork.Entry>> byPayment = entries.stream()
                .collect(Collectors.groupingBy(UnitOfWork.Entry::paymentId, LinkedHashMap::new, Collectors.toList()));
        return Multi.createFrom().iterable(byPayment.entrySet())
                .onItem().transformToUniAndConcatenate(e -> writeFor(e.getKey(), e.getValue()))
                .collect().last();
    }

    private Uni<Void> writeFor(String paymentId, List<UnitOfWork.Entry> entries) {
        // The payment is in this transaction's session already: no query.
        return Payment.<Payment>findById(paymentId)
                .chain(payment -> operationsOf(payment).map(ops -> new Payments.Details(payment, ops)))
                .chain(details -> PaymentEvent.persist(rowsFor(details, entries)));
    }

    /** The event rows of {@code entries}, the payment being as {@code details} show it after the change. */
    List<PaymentEvent> rowsFor(Payments.Details details, List<UnitOfWork.Entry> entries) {
        return entries.stream().map(entry -> event(details, entry)).toList();
    }

    /**
     * The payment's captures and refunds, by a query that must see what this transaction changed (so
     * after a flush); a payment that never held money has none, and is not asked about (a page's
     * creation, a declined charge: the query would be most of what the event costs them).
     */
    private static Uni<List<PaymentOperation>> operationsOf(Payment payment) {
        if (!payment.heldMoney()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(Mutiny.Session::flush).chain(() -> PaymentOperations.of(payment.id));
    }

    private PaymentEvent event(Payments.Details details, UnitOfWork.Entry entry) {
        PaymentEvent event = new PaymentEvent();
        event.id = Ids.newId("evt");
        event.paymentId = entry.paymentId();
        event.clientName = details.payment().clientName;
        event.type = entry.type().wireName();
        event.cause = entry.cause().name().toLowerCase(Locale.ROOT);
        event.createdAt = PaymentView.micros(entry.at());
        event.body = serialize(new Body(event.id, event.type, event.createdAt, event.cause, details.view()));
        return event;
    }

    private String serialize(Body body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not serialize an event", e);
        }
    }
}
