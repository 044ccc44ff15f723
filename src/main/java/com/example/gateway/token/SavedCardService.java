package com.example.gateway.token;

import com.example.gateway.doku.CardToken;
import com.example.gateway.doku.DokuClient;
import com.example.gateway.doku.DokuException;
import com.example.gateway.doku.DokuRejectedException;
import com.example.gateway.payment.DokuFailures;
import com.example.gateway.payment.DokuRejected;
import com.example.gateway.payment.Payment;
import com.example.gateway.support.Ids;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * A customer's saved cards at DOKU. A client reaches only customers it has created payments for:
 * one internal service must not read or unbind another's customers' cards.
 */
@ApplicationScoped
public class SavedCardService {

    private final DokuClient doku;

    SavedCardService(DokuClient doku) {
        this.doku = doku;
    }

    public Uni<List<SavedCard>> list(String client, String customerId, String type) {
        return requireCustomer(client, customerId).chain(() -> tokensAtDoku(customerId, type))
                .map(tokens -> tokens.stream().map(SavedCard::of).toList());
    }

    /** Unbinds a token the customer holds; a token DOKU does not list for this customer is "not found". */
    public Uni<Void> delete(String client, String customerId, String tokenId) {
        return requireCustomer(client, customerId)
                .chain(() -> tokensAtDoku(customerId, null))
                .chain(tokens -> {
                    if (tokens.stream().noneMatch(t -> t.tokenId().equals(tokenId))) {
                        return Uni.createFrom().failure(new TokenNotFound());
                    }
                    return doku.deleteToken(Ids.newRequestId(), tokenId, customerId)
                            .onFailure(DokuException.class).transform(failure -> DokuFailures.of(failure, null));
                })
                .invoke(deleted -> {
                    if (!deleted) {
                        throw new DokuRejected("DELETE FAILED");
                    }
                })
                .replaceWithVoid();
    }

    private Uni<List<CardToken>> tokensAtDoku(String customerId, String type) {
        return doku.listTokens(Ids.newRequestId(), customerId, type)
                .onFailure(DokuRejectedException.class).recoverWithUni(failure -> {
                    // DOKU answers 404 for a customer with no tokens at all.
                    if (((DokuRejectedException) failure).httpStatus() == 404) {
                        return Uni.createFrom().item(List.of());
                    }
                    return Uni.createFrom().failure(failure);
                })
                .onFailure(DokuException.class).transform(failure -> DokuFailures.of(failure, null));
    }

    private static Uni<Void> requireCustomer(String client, String customerId) {
        return Panache.withSession(() -> Payment.count("clientName = ?1 and customerId = ?2", client, customerId))
                .invoke(count -> {
                    if (count == 0) {
                        throw new CustomerNotFound();
                    }
                })
                .replaceWithVoid();
    }
}
